import { Descriptions, Empty, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartments, usePeople } from '../../components/org';
import type { NewRequest } from './requestForm';

/** The request as it will be created, with department and people names, for a last look. */
export function RequestReview({ request }: { request: NewRequest }) {
  const { t } = useTranslation('request');
  const departments = useDepartments();
  const people = usePeople();
  const department = (id?: string) => departments.data?.find((d) => d.id === id)?.name ?? id ?? '';
  const person = (id?: string) => people.data?.find((p) => p.id === id)?.name ?? id ?? '';
  const items = [
    { key: 'title', label: t('fields.title'), children: request.title, span: 2 },
    { key: 'initiating', label: t('fields.initiating_department'), children: department(request.initiating_department) },
    { key: 'contact', label: t('fields.initiator_contact'), children: person(request.initiator_contact) },
    { key: 'owner', label: t('fields.owner'), children: request.owner ? person(request.owner) : t('placeholders.owner') },
    { key: 'expected', label: t('fields.expected_completion'), children: request.expected_completion ?? '' },
    { key: 'background', label: t('fields.background'), children: request.background, span: 2 },
    { key: 'goal', label: t('fields.goal'), children: request.goal, span: 2 },
    {
      key: 'departments',
      label: t('steps.departments'),
      span: 2,
      children: request.departments.length ? (
        <List
          size="small"
          dataSource={request.departments}
          renderItem={(ask) => (
            <List.Item>
              <strong>{department(ask.department)}</strong>
              {(ask.support_kinds ?? []).map((k) => (
                <Tag key={k}>{t(`supportKind.${k}`)}</Tag>
              ))}
              {ask.support_text} {ask.contact && t('contactOf', { name: person(ask.contact) })}
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noDepartments')} />
      ),
    },
    {
      key: 'milestones',
      label: t('steps.milestones'),
      span: 2,
      children: request.milestones.map((m, i) => (
        <Tag key={i}>
          {m.due_date} {m.name}
        </Tag>
      )),
    },
  ];
  return <Descriptions data-testid="request-review" bordered size="small" column={2} items={items} styles={{ label: { width: 140 } }} />;
}
