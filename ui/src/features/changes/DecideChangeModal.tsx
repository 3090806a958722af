import { Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeApprovalRow, ChangeRequestRow, Decision } from '../../bindings';
import { EngineFormModal } from '../../components/EngineFormModal';
import { useOrg } from '../../components/org';
import { personOptions } from '../../lib/org';

interface DecisionValues {
  decision: Decision;
  comment: string;
  by: string | null;
}

/**
 * One department's answer to a change request: agree, or disagree with a reason (one disagreement
 * ends the request). Recorded by the person who decided, by default the department's head.
 */
export function DecideChangeModal({ request, approval, decision, onClose }: { request: ChangeRequestRow; approval: ChangeApprovalRow; decision: Decision; onClose: () => void }) {
  const { t } = useTranslation('changes');
  const { people, departments } = useOrg();
  const department = { id: approval.department_id, name: approval.department ?? '' };
  const head = departments.find((d) => d.id === department.id)?.head_person_id ?? null;
  return (
    <EngineFormModal
      title={t('decide.title', { department: department.name })}
      action="decide_change_request"
      toPayload={(v: Partial<DecisionValues>) => ({
        change_request: request.id,
        department: department.id,
        decision: v.decision ?? decision,
        ...(v.comment?.trim() && { comment: v.comment }),
        ...(v.by && { by: v.by }),
      })}
      initialValues={{ decision, by: head }}
      checkAtOnce
      okText={t('form.submit', { ns: 'tasks' })}
      success={t('decide.done')}
      testId="change-decide-form"
      onClose={onClose}
      width={560}
    >
      <Typography.Paragraph type="secondary">{request.title}</Typography.Paragraph>
      <Form.Item name="decision" label={t('decide.decision')}>
        <Radio.Group
          data-testid="change-decide-decision"
          options={[
            { value: 'approve', label: t('decision.approve') },
            { value: 'reject', label: t('decision.reject') },
          ]}
        />
      </Form.Item>
      <Form.Item name="comment" label={t('decide.comment')} extra={t('decide.commentHint')}>
        <Input.TextArea data-testid="change-decide-comment" autoFocus autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="by" label={t('decide.by')}>
        <Select data-testid="change-decide-by" allowClear showSearch={{ optionFilterProp: 'label' }} options={personOptions(people, [department], head ? [head] : [])} />
      </Form.Item>
    </EngineFormModal>
  );
}
