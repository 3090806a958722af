import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Row } from '../../types';
import { selfCheckOf, type SelfCheckItem } from './acceptanceModel';
import { FormDialog } from './FormDialog';
import { SelfCheckFields, selfCheckPayload } from './SelfCheckFields';
import { str } from './format';

interface Values {
  self_check?: Partial<SelfCheckItem>[];
}

/**
 * The 成果自检表 of a deliverable: recorded for the version under review (`record`), or with a new
 * version after rectification (`resubmit`). It starts from the current self-check, else from the
 * agreed criteria.
 */
export function SelfCheckDialog({ deliverable, criteria, mode, onClose }: { deliverable: Row; criteria: string[]; mode: 'record' | 'resubmit'; onClose: () => void }) {
  const { t } = useTranslation('acceptance');
  const id = str(deliverable.id);
  const version = Number(deliverable.version ?? 1);
  const start = selfCheckOf(deliverable) ?? criteria.map((item) => ({ item, complete: false, quality_ok: false, note: '' }));
  const record = mode === 'record';

  const toPayload = (v: Values) => {
    const items = selfCheckPayload(v.self_check);
    if (!record) return { deliverable: id, self_check: items, attachment: null };
    return items.length > 0 ? { deliverable: id, items } : null;
  };

  return (
    <FormDialog<Values>
      title={t(record ? 'selfCheck.dialog' : 'resubmit.title', { title: str(deliverable.title), version: record ? version : version + 1 })}
      action={record ? 'record_self_check' : 'resubmit_deliverable'}
      toPayload={toPayload}
      initialValues={{ self_check: start }}
      success={t(record ? 'selfCheck.success' : 'resubmit.success')}
      testId={record ? 'self-check-form' : 'resubmit-form'}
      width={760}
      onClose={onClose}
    >
      {!record && <Typography.Paragraph type="secondary">{t('resubmit.hint')}</Typography.Paragraph>}
      <SelfCheckFields criteria={criteria} />
    </FormDialog>
  );
}
