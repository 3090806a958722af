import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TabProps } from './tabProps';

const str = (value: unknown) => (value == null ? '' : String(value));

/** The request at a glance: who asks, why, by when, and what each department is asked for. */
export function OverviewTab({ dossier }: TabProps) {
  const { t } = useTranslation();
  const c = dossier.collaboration;
  return (
    <Descriptions bordered column={2} size="small">
      <Descriptions.Item label={t('register.initiating_department')}>{str(c.initiating_department)}</Descriptions.Item>
      <Descriptions.Item label={t('register.owner')}>{str(c.owner)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.background')} span={2}>{str(c.background)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.goal')} span={2}>{str(c.goal)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.expectedCompletion')}>{str(c.expected_completion)}</Descriptions.Item>
      <Descriptions.Item label={t('register.progress')}>{str(c.progress_note)}</Descriptions.Item>
      <Descriptions.Item label={t('fields.departments')} span={2}>
        {dossier.departments.map((x) => (
          <div key={str(x.id)}>
            <Tag>{str(x.department)}</Tag>
            {str(x.support_text)} · {t('fields.contact')}: {str(x.contact)}
          </div>
        ))}
      </Descriptions.Item>
    </Descriptions>
  );
}
