import { useState } from 'react';
import { Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeApprovalRow, ChangeRequestRow, Decision } from '../../bindings';
import { useOrg } from '../../components/org';
import { useRecordFocus } from '../../components/recordFocus';
import type { TabProps } from '../collaboration/tabProps';
import { blocker, EXECUTION, NOT_ARCHIVED } from '../tasks/gates';
import { GatedButton } from '../tasks/GatedButton';
import { ChangeRequestCard } from './ChangeRequestCard';
import { DecideChangeModal } from './DecideChangeModal';
import { OpenChangeModal } from './OpenChangeModal';

/**
 * Plan changes (灵活调整机制): change requests led by the initiating department, each department's
 * agreement, and the plan each applied change replaced. No change applies until every party agrees.
 */
export function ChangesTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('changes');
  const { people } = useOrg();
  const [opening, setOpening] = useState(false);
  const [deciding, setDeciding] = useState<{ request: ChangeRequestRow; approval: ChangeApprovalRow; decision: Decision } | null>(null);
  const focused = dossier.change_approvals.find((a) => a.id === record)?.change_request_id ?? record;
  useRecordFocus(focused);
  const openBlocked = blocker(dossier.stage, EXECUTION);
  const canDecide = blocker(dossier.stage, NOT_ARCHIVED) === null;
  const requests = [...dossier.change_requests].reverse();

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="changes-tab">
      <Space wrap>
        <GatedButton type="primary" data-testid="change-add" blockedBy={openBlocked && t(`gate.${openBlocked}`)} onClick={() => setOpening(true)}>
          {t('list.add')}
        </GatedButton>
        <Typography.Text type="secondary">{t('list.principle')}</Typography.Text>
      </Space>
      {requests.length === 0 && <Empty description={t('list.empty')} />}
      {requests.map((request) => (
        <ChangeRequestCard
          key={request.id}
          dossier={dossier}
          request={request}
          people={people}
          focused={request.id === focused}
          canDecide={canDecide}
          onDecide={(approval, decision) => setDeciding({ request, approval, decision })}
        />
      ))}
      {opening && <OpenChangeModal dossier={dossier} onClose={() => setOpening(false)} />}
      {deciding && <DecideChangeModal {...deciding} onClose={() => setDeciding(null)} />}
    </Space>
  );
}
