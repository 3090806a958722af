import { Button, Descriptions, Form, Input, Modal, Radio, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEngineAction } from '../../engine';
import type { CalendarDay, DayInfo } from '../../bindings';
import { dayKind } from './calendarDays';

/**
 * Overrides one day (a company-specific day off, or an extra working day) with a note, or clears
 * the override so the published schedule applies again. Open deadlines are recomputed by the engine.
 */
export function DayEditor({ day, onClose }: { day: DayInfo; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const [form] = Form.useForm<{ working: boolean; note?: string }>();
  const set = useEngineAction('set_calendar_day', { success: t('calendar.daySaved') });
  const overridden = day.source === 'override';

  async function apply(payload: CalendarDay) {
    try {
      await set.mutateAsync(payload);
      onClose();
    } catch {
      // The refusal was shown; the dialog stays open with what was typed.
    }
  }

  const save = () => {
    const v = form.getFieldsValue();
    void apply({ date: day.date, is_working_day: v.working, note: v.note || undefined });
  };

  return (
    <Modal
      open
      title={day.date}
      onCancel={onClose}
      footer={
        <Space>
          {overridden && (
            <Button data-testid="calendar-day-clear" loading={set.isPending} onClick={() => void apply({ date: day.date })}>
              {t('calendar.clearOverride')}
            </Button>
          )}
          <Button type="primary" data-testid="calendar-day-save" loading={set.isPending} onClick={save}>
            {t('save')}
          </Button>
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'kind', label: t('calendar.now'), children: t(`calendar.kind.${dayKind(day)}`) },
          { key: 'name', label: t('calendar.name'), children: day.name ?? '' },
          { key: 'source', label: t('calendar.source'), children: t(`calendar.sourceOf.${day.source}`) },
        ]}
      />
      <Form form={form} layout="vertical" data-testid="calendar-day-form" initialValues={{ working: day.is_working_day, note: overridden ? (day.name ?? '') : '' }} style={{ marginTop: 16 }}>
        <Form.Item name="working" label={t('calendar.setAs')}>
          <Radio.Group data-testid="calendar-day-working">
            <Radio.Button value={true}>
              <span data-testid="calendar-day-set-working">{t('calendar.kind.working')}</span>
            </Radio.Button>
            <Radio.Button value={false}>
              <span data-testid="calendar-day-set-off">{t('calendar.dayOff')}</span>
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="note" label={t('calendar.note')}>
          <Input data-testid="calendar-day-note" placeholder={t('calendar.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
