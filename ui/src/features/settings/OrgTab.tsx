import { useState } from 'react';
import { Button, Form, Input, InputNumber, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useEngineQuery, useLiveValidation } from '../../engine';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { OrgSettings, OrgSettingsPatch } from '../../bindings';
import { EngineVerdict, showFieldError } from '../../components/engineForm';

/** The company-wide settings form, shown once the current settings are known. */
function OrgForm({ settings }: { settings: OrgSettings }) {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<OrgSettingsPatch>();
  const [dirty, setDirty] = useState(false);
  const values = Form.useWatch((all: OrgSettingsPatch) => all, form);
  const verdict = useLiveValidation('update_org_settings', dirty && values ? values : null);
  const update = useEngineAction('update_org_settings', { success: t('saved') });

  async function save() {
    try {
      await update.mutateAsync(form.getFieldsValue());
      setDirty(false);
    } catch (error) {
      showFieldError(form, t, error);
    }
  }

  return (
    <Form form={form} name="org" layout="vertical" data-testid="org-form" initialValues={settings} onValuesChange={() => setDirty(true)} style={{ maxWidth: 520 }}>
      <Form.Item name="name" label={t('org.name')}>
        <Input data-testid="org-name" />
      </Form.Item>
      <Form.Item name="number_prefix" label={t('org.numberPrefix')} extra={t('org.numberPrefixHint')}>
        <Input data-testid="org-prefix" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="feasibility_sla_days" label={t('org.feasibilityDays')} extra={t('org.feasibilityDaysHint')}>
        <InputNumber data-testid="org-sla-days" precision={0} />
      </Form.Item>
      <Form.Item name="minutes_sla_hours" label={t('org.minutesHours')} extra={t('org.minutesHoursHint')}>
        <InputNumber data-testid="org-minutes-hours" precision={0} />
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {dirty && <EngineVerdict testid="org-verdict" error={verdict} />}
        <Button type="primary" data-testid="org-save" disabled={!dirty || verdict !== null} loading={update.isPending} onClick={() => void save()}>
          {t('save')}
        </Button>
      </Space>
    </Form>
  );
}

/** 组织设置: the company name, the collaboration number prefix and the process time limits. */
export function OrgTab() {
  const settings = useEngineQuery('get_org_settings');
  if (settings.error) return <ErrorNotice error={settings.error} />;
  if (!settings.data) return <Skeleton active />;
  return <OrgForm settings={settings.data} />;
}
