import { lazy, Suspense, useMemo, useState } from 'react';
import { App as AntApp, ConfigProvider, Layout, Menu, Skeleton, Space, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { useTranslation } from 'react-i18next';
import { Dashboard } from './features/dashboard/Dashboard';
import { Register } from './features/register/Register';
import { FirstLaunch } from './features/onboarding/FirstLaunch';
import { SearchPalette } from './features/search/SearchPalette';
import { AttentionNotifier } from './features/notifications/AttentionNotifier';
import { RecoveryScreen, StatusUnavailable } from './features/recovery/RecoveryScreen';
import { useDatabaseStatus } from './features/recovery/useDatabase';
import { LanguageSwitch } from './components/LanguageSwitch';
import { chooseLanguage, LANGUAGES, type Language } from './i18n';
import { NavigationContext, type View } from './navigation';

// The dashboard and the register are what the window opens on; the other screens load on first use,
// which keeps the start-up bundle small (see BENCHMARKS.md, cold start).
const CollaborationPage = lazy(() => import('./features/collaboration/CollaborationPage').then((m) => ({ default: m.CollaborationPage })));
const RequestWizard = lazy(() => import('./features/request/RequestWizard').then((m) => ({ default: m.RequestWizard })));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

/**
 * The window: the database's status is asked first; when the database could not be opened, the
 * recovery screen takes the whole window instead of the app.
 */
export function App() {
  const { i18n } = useTranslation();
  const status = useDatabaseStatus();
  const language: Language = LANGUAGES.find((l) => l === i18n.language) ?? 'zh-CN';
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');

  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        {status.data?.ok ? (
          <Workspace />
        ) : status.data ? (
          <RecoveryScreen status={status.data} />
        ) : (
          status.error && <StatusUnavailable error={status.error} onRetry={() => void status.refetch()} />
        )}
      </AntApp>
    </ConfigProvider>
  );
}

/** The app itself: the side menu, the header (search, language) and the page shown. */
function Workspace() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ page: 'dashboard' });
  const navigation = useMemo(() => ({ view, go: setView }), [view]);
  const menuKey = view.page === 'collaboration' ? 'register' : view.page;

  return (
    <NavigationContext.Provider value={navigation}>
      <Layout style={{ height: '100vh' }}>
        <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Typography.Title level={4} style={{ padding: '16px 20px', margin: 0 }} data-testid="app-title">
            {t('app.name')}
          </Typography.Title>
          <Menu
            mode="inline"
            data-testid="nav"
            selectedKeys={[menuKey]}
            onClick={({ key }) => setView({ page: key as 'dashboard' | 'register' | 'new-request' | 'settings' })}
            items={[
              { key: 'dashboard', label: t('nav.dashboard') },
              { key: 'register', label: t('nav.register') },
              { key: 'new-request', label: t('nav.newRequest') },
              { key: 'settings', label: t('nav.settings') },
            ]}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, borderBottom: '1px solid #f0f0f0' }}
          >
            <Space>
              <SearchPalette />
              <LanguageSwitch onChange={(next) => void chooseLanguage(next)} />
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
            <Suspense fallback={<Skeleton active />}>
              {view.page === 'dashboard' && <Dashboard />}
              {view.page === 'register' && <Register />}
              {view.page === 'new-request' && <RequestWizard />}
              {view.page === 'settings' && <SettingsPage />}
              {view.page === 'collaboration' && <CollaborationPage key={view.id} id={view.id} tab={view.tab} record={view.record} />}
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
      <FirstLaunch />
      <AttentionNotifier />
    </NavigationContext.Provider>
  );
}

