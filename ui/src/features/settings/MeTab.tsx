import { Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../components/org';
import { ChooseMe } from '../onboarding/ChooseMe';

/** 我: the person this computer acts as (every change is recorded under them), and changing it. */
export function MeTab() {
  const { t } = useTranslation('settings');
  const me = useMe();
  return (
    <Space orientation="vertical" size="large" style={{ maxWidth: 560, width: '100%' }}>
      <Descriptions
        data-testid="me-current"
        bordered
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('me.current'), children: me.data ? me.data.name : t('me.none') },
          { key: 'department', label: t('me.department'), children: me.data?.department_name ?? '' },
        ]}
      />
      <ChooseMe />
    </Space>
  );
}
