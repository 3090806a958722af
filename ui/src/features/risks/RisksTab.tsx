import { useState } from 'react';
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction } from '../../engine';
import type { RiskRow } from '../../bindings';
import { useOrg } from '../../components/org';
import { useRecordFocus } from '../../components/recordFocus';
import { localDateTime } from '../../lib/format';
import { nameOf } from '../../lib/org';
import type { TabProps } from '../collaboration/tabProps';
import { blocker, NOT_ARCHIVED, TRACKING } from '../tasks/gates';
import { GatedButton } from '../tasks/GatedButton';
import { DecideRiskModal } from './DecideRiskModal';
import { RiskFormModal } from './RiskFormModal';
import { riskState } from './risk';

const STATE_COLORS = { closed: 'default', escalated: 'red', open: 'orange' } as const;

/**
 * Risks that may affect overall progress: raised by a department, escalated to the whole group at
 * once (预警/上报, shown in red until closed), and the group's decision.
 */
export function RisksTab({ dossier, record }: TabProps) {
  const { t } = useTranslation('risks');
  const { people } = useOrg();
  const { rowProps } = useRecordFocus(record);
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<RiskRow | null>(null);
  const escalate = useEngineAction('escalate_risk', { success: t('escalate.done') });
  const addBlocked = blocker(dossier.stage, TRACKING);
  const canAct = blocker(dossier.stage, NOT_ARCHIVED) === null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="risks-tab">
      <GatedButton type="primary" data-testid="risk-add" blockedBy={addBlocked && t(`gate.${addBlocked}`)} onClick={() => setAdding(true)}>
        {t('table.add')}
      </GatedButton>
      <Table<RiskRow>
        data-testid="risks-table"
        size="small"
        pagination={false}
        rowKey={(r) => r.id}
        dataSource={dossier.risks}
        locale={{ emptyText: t('table.empty') }}
        onRow={(r) => rowProps(`risk-row-${r.title}`, r.id, riskState(r) === 'escalated')}
        columns={[
          {
            title: t('fields.title'),
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{r.title}</Typography.Text>
                {r.description && <Typography.Text type="secondary">{r.description}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('fields.impact'), render: (_, r) => r.impact },
          {
            title: t('fields.raised'),
            width: 130,
            render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <span>{nameOf(people, r.raised_by)}</span>
                <Typography.Text type="secondary">{r.raised_on}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('fields.state'),
            width: 170,
            render: (_, r) => {
              const state = riskState(r);
              return (
                <Space orientation="vertical" size={0}>
                  <Tag color={STATE_COLORS[state]} data-testid={`risk-state-${r.title}`}>
                    {t(`state.${state}`)}
                  </Tag>
                  {state !== 'open' && (
                    <Typography.Text type="secondary">{localDateTime(state === 'closed' ? r.closed_at : r.escalated_at)}</Typography.Text>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('fields.decision'),
            render: (_, r) =>
              r.decision ? (
                <Space orientation="vertical" size={0}>
                  <span>{r.decision}</span>
                  <Typography.Text type="secondary">{localDateTime(r.decided_at)}</Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('table.undecided')}</Typography.Text>
              ),
          },
          ...(canAct
            ? [
                {
                  title: '',
                  width: 190,
                  render: (_: unknown, r: RiskRow) => (
                    <Space size={0}>
                      {riskState(r) === 'open' && (
                        <Popconfirm
                          title={t('escalate.confirm')}
                          okText={t('escalate.ok')}
                          okButtonProps={{ danger: true, 'data-testid': 'risk-escalate-confirm' }}
                          onConfirm={() => escalate.mutateAsync({ risk: r.id }).catch(() => undefined)}
                        >
                          <Button type="link" danger size="small" data-testid={`risk-escalate-${r.title}`}>
                            {t('escalate.button')}
                          </Button>
                        </Popconfirm>
                      )}
                      {riskState(r) !== 'closed' && (
                        <Button type="link" size="small" data-testid={`risk-decide-${r.title}`} onClick={() => setDeciding(r)}>
                          {t('decide.button')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <RiskFormModal dossier={dossier} onClose={() => setAdding(false)} />}
      {deciding && <DecideRiskModal risk={deciding} onClose={() => setDeciding(null)} />}
    </Space>
  );
}
