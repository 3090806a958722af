import { useState } from 'react';
import { ConfigProvider, Layout, Menu, Segmented, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { useTranslation } from 'react-i18next';
import { Dashboard } from './features/dashboard/Dashboard';
import { Register } from './features/register/Register';
import { CollaborationPage } from './features/collaboration/CollaborationPage';
import { chooseLanguage, type Language } from './i18n';

type View = { page: 'dashboard' } | { page: 'register' } | { page: 'collaboration'; id: string };

export function App() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>({ page: 'dashboard' });
  const language = i18n.language as Language;
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  const open = (id: string) => setView({ page: 'collaboration', id });

  const switchLanguage = (next: Language) => void chooseLanguage(next);

  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <Layout style={{ height: '100vh' }}>
        <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
          <Typography.Title level={4} style={{ padding: '16px 20px', margin: 0 }} data-testid="app-title">
            {t('app.name')}
          </Typography.Title>
          <Menu
            mode="inline"
            selectedKeys={[view.page === 'collaboration' ? 'register' : view.page]}
            onClick={({ key }) => setView({ page: key as 'dashboard' | 'register' })}
            items={[
              { key: 'dashboard', label: t('nav.dashboard') },
              { key: 'register', label: t('nav.register') },
            ]}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 12, borderBottom: '1px solid #f0f0f0' }}>
            <Segmented<Language>
              data-testid="language"
              value={language}
              onChange={switchLanguage}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'English', value: 'en-US' },
              ]}
            />
          </Layout.Header>
          <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
            {view.page === 'dashboard' && <Dashboard onOpen={open} />}
            {view.page === 'register' && <Register onOpen={open} />}
            {view.page === 'collaboration' && <CollaborationPage id={view.id} onBack={() => setView({ page: 'register' })} />}
          </Layout.Content>
        </Layout>
      </Layout>
    </ConfigProvider>
  );
}
