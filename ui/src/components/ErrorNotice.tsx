import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from './errors';

/** Shows an engine error in the user's language; the engine's own message is the detail. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const detail = error instanceof Error ? error.message : String(error);
  return <Alert type="error" showIcon message={describeError(t, error)} description={detail} />;
}
