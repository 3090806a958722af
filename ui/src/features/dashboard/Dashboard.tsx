import { useEffect } from 'react';
import { Card, Col, Empty, List, Row, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineQuery } from '../../engine';
import { reportStartupReady } from '../../ipc';
import { useNavigation } from '../../navigation';
import { ErrorNotice } from '../../components/ErrorNotice';

/** 工作台: what needs action (overdue first) and how many collaborations are at each stage. */
export function Dashboard() {
  const { t } = useTranslation();
  const { go } = useNavigation();
  const onOpen = (id: string) => go({ page: 'collaboration', id });
  const counts = useEngineQuery('get_stage_counts');
  const attention = useEngineQuery('get_attention', {});
  const showsData = Boolean(counts.data && attention.data);
  useEffect(() => {
    if (showsData) reportStartupReady();
  }, [showsData]);

  return (
    <div data-testid="dashboard">
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      {counts.error && <ErrorNotice error={counts.error} />}
      <Row gutter={16} style={{ marginBottom: 24 }}>
        {(counts.data ?? []).map((c) => (
          <Col key={c.stage} span={4}>
            <Card size="small">
              <Statistic title={t(`stage.${c.stage}`)} value={c.count} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('dashboard.attention')} extra={<Tag>{attention.data?.length ?? 0}</Tag>}>
        {attention.isLoading && <Skeleton active />}
        {attention.error && <ErrorNotice error={attention.error} />}
        {attention.data && attention.data.length === 0 && <Empty description={t('dashboard.nothing')} />}
        {attention.data && attention.data.length > 0 && (
          <List
            data-testid="attention-list"
            dataSource={attention.data}
            renderItem={(item) => (
              <List.Item onClick={() => onOpen(item.collaboration_id)} style={{ cursor: 'pointer' }}>
                <List.Item.Meta
                  title={
                    <>
                      {item.overdue && <Tag color="red">{t('dashboard.overdue')}</Tag>}
                      <Tag>{t(`attention.${item.kind}`)}</Tag>
                      {item.subject}
                    </>
                  }
                  description={`${item.number} ${item.title}`}
                />
                {item.due && <span>{t('dashboard.due', { date: item.due.slice(0, 10) })}</span>}
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
