import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportXlsx, saveIcs } from '../../ipc';
import { today } from '../../lib/format';
import { useOfficeCommand } from './useOffice';

type Props = Omit<ButtonProps, 'onClick' | 'loading' | 'children'> & { testid: string; label: string };

/**
 * A button that writes a file where the user says in the OS save dialog (`save` gets the UI's
 * language and answers the path written, or null if the dialog was cancelled), then says where
 * it went.
 */
export function SaveFileButton({ testid, label, save, ...button }: Props & { save: (language: string) => Promise<string | null> }) {
  const command = useOfficeCommand(save);
  const onClick = async () => {
    const path = await command.run(command.language);
    if (path) command.saved(path);
  };
  return (
    <Button {...button} data-testid={testid} loading={command.busy} onClick={() => void onClick()}>
      {label}
    </Button>
  );
}

/**
 * Exports to Excel: the register (沟通事项跟踪表, dated today), or with `collaboration` its progress
 * table (进度跟踪表); the file name is suggested in the save dialog.
 */
export function XlsxExportButton({ collaboration, ...props }: Omit<Props, 'label'> & { collaboration?: { id: string; number: string } }) {
  const { t } = useTranslation('office');
  const save = (language: string) =>
    exportXlsx({
      what: collaboration ? 'tasks' : 'register',
      collaboration: collaboration?.id,
      language,
      fileName: collaboration ? `${collaboration.number} ${t('xlsx.tasksFile')}.xlsx` : `${t('xlsx.registerFile')} ${today()}.xlsx`,
      title: t('xlsx.saveTitle'),
    });
  return <SaveFileButton {...props} label={t(collaboration ? 'xlsx.exportTasks' : 'xlsx.exportRegister')} save={save} />;
}

/** Saves a calendar file (.ics): one meeting's invite, or every milestone and deadline of a collaboration. */
export function IcsButton({ collaboration, meeting, fileName, ...props }: Props & { collaboration: string; meeting?: string; fileName: string }) {
  const { t } = useTranslation('office');
  const save = (language: string) => saveIcs({ collaboration, meeting, language, fileName: `${fileName}.ics`, title: t('ics.saveTitle') });
  return <SaveFileButton {...props} save={save} />;
}
