import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { IpcError } from '../ipc';

/** Shows an engine error in the user's language: the `kind` picks the sentence. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const kind = error instanceof IpcError ? error.kind : 'internal';
  const detail = error instanceof Error ? error.message : String(error);
  return <Alert type="error" showIcon message={t(`errors.${kind}`, { defaultValue: t('errors.internal') })} description={detail} />;
}
