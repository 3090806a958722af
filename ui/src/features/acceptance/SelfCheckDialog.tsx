import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeliverableRow, ResubmitInput, SelfCheckInput, SelfCheckItem } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { SelfCheckFields, selfCheckPayload } from './SelfCheckFields';

interface Values {
  self_check?: Partial<SelfCheckItem>[];
}

/**
 * The 成果自检表 of a deliverable: recorded for the version under review (`record`), or with a new
 * version after rectification (`resubmit`). It starts from the current self-check, else from the
 * agreed criteria.
 */
export function SelfCheckDialog({ deliverable, criteria, mode, onClose }: { deliverable: DeliverableRow; criteria: string[]; mode: 'record' | 'resubmit'; onClose: () => void }) {
  const { t } = useTranslation('acceptance');
  const id = deliverable.id;
  const version = deliverable.version;
  const start = deliverable.self_check ?? criteria.map((item) => ({ item, complete: false, quality_ok: false, note: '' }));
  const record = mode === 'record';

  const toPayload = (v: Values): SelfCheckInput | ResubmitInput | null => {
    const items = selfCheckPayload(v.self_check);
    if (!record) return { deliverable: id, self_check: items };
    return items.length > 0 ? { deliverable: id, items } : null;
  };

  return (
    <EngineFormModal
      title={t(record ? 'selfCheck.dialog' : 'resubmit.title', { title: deliverable.title, version: record ? version : version + 1 })}
      action={record ? 'record_self_check' : 'resubmit_deliverable'}
      toPayload={toPayload}
      initialValues={{ self_check: start }}
      checkAtOnce
      okText={t('form.ok')}
      success={t(record ? 'selfCheck.success' : 'resubmit.success')}
      testId={record ? 'self-check-form' : 'resubmit-form'}
      width={760}
      onClose={onClose}
    >
      {!record && <Typography.Paragraph type="secondary">{t('resubmit.hint')}</Typography.Paragraph>}
      <SelfCheckFields criteria={criteria} />
    </EngineFormModal>
  );
}
