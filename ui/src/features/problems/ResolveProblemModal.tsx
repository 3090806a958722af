import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProblemRow } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';

interface ResolveValues {
  resolution: string;
}

/** Closes a problem with how it was solved; the engine dates it today. */
export function ResolveProblemModal({ problem, onClose }: { problem: ProblemRow; onClose: () => void }) {
  const { t } = useTranslation('problems');
  return (
    <EngineFormModal
      title={t('resolve.title')}
      action="resolve_problem"
      toPayload={(v: Partial<ResolveValues>) => ({ problem: problem.id, resolution: v.resolution ?? '' })}
      success={t('resolve.done')}
      okText={t('resolve.submit')}
      testId="problem-resolve-form"
      onClose={onClose}
      width={520}
    >
      <Typography.Paragraph type="secondary">{problem.description}</Typography.Paragraph>
      <Form.Item name="resolution" label={t('fields.resolution')} rules={[{ required: true }]}>
        <Input.TextArea data-testid="problem-resolution" autoFocus autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </EngineFormModal>
  );
}
