import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgTab } from './OrgTab';
import { DepartmentsTab } from './DepartmentsTab';
import { PeopleTab } from './PeopleTab';
import { MeTab } from './MeTab';
import { CalendarTab } from './CalendarTab';
import { LanguageTab } from './LanguageTab';
import { DataTab } from './DataTab';

const TABS = [
  ['org', OrgTab],
  ['departments', DepartmentsTab],
  ['people', PeopleTab],
  ['me', MeTab],
  ['calendar', CalendarTab],
  ['language', LanguageTab],
  ['data', DataTab],
] as const;

/** 设置: the organisation, departments and people, who "me" is, the working-day calendar, language and data. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <div data-testid="settings">
      <Typography.Title level={3}>{t('title')}</Typography.Title>
      <Tabs data-testid="settings-tabs" destroyOnHidden items={TABS.map(([key, Tab]) => ({ key, label: t(`tabs.${key}`), children: <Tab /> }))} />
    </div>
  );
}
