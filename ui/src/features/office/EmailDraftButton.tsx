import { Button, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { openEmailDraft } from '../../ipc';
import type { DraftKind } from '../../bindings-interop';
import { useOfficeCommand } from './useOffice';

type Props = Omit<ButtonProps, 'onClick' | 'loading' | 'children'> & {
  kind: DraftKind;
  collaboration: string;
  /** The meeting, for an agenda or minutes. */
  record?: string;
  testid: string;
};

/**
 * Opens an email draft in the user's mail program (the request to the departments, a meeting's
 * agenda or minutes, the completion letter), the document attached as PDF and the recipients
 * taken from the people records; the app never sends mail itself. Says who it is addressed to,
 * and warns about people who have no email address on record.
 */
export function EmailDraftButton({ kind, collaboration, record, testid, ...button }: Props) {
  const { t } = useTranslation('office');
  const command = useOfficeCommand(openEmailDraft);
  const onClick = async () => {
    const draft = await command.run({ kind, collaboration, record, language: command.language });
    if (!draft) return;
    const to = draft.to.join('、');
    command.show('success', 'email-draft', to ? t('email.opened', { to }) : t('email.openedNoRecipients'));
    if (draft.missing.length > 0) command.show('warning', 'email-missing', t('email.missing', { names: draft.missing.join('、') }));
  };
  return (
    <Button {...button} data-testid={testid} loading={command.busy} onClick={() => void onClick()}>
      {t(`email.${kind}`)}
    </Button>
  );
}
