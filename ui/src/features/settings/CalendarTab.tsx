import { useRef, useState, type ChangeEvent } from 'react';
import { Alert, Button, Col, InputNumber, Row, Skeleton, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useEngineAction, useEngineQuery } from '../../engine';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { DayInfo } from '../../bindings';
import type { DayKind } from './calendarDays';
import { CalendarMonth, KIND_STYLES } from './CalendarMonth';
import { DayEditor } from './DayEditor';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const KINDS: DayKind[] = ['working', 'weekend', 'holiday', 'makeup'];

/** Imports a holiday-cn JSON file (one year, as published each November) chosen from disk. */
function ImportButton() {
  const { t } = useTranslation('settings');
  const input = useRef<HTMLInputElement>(null);
  const importHolidays = useEngineAction('import_holidays', { success: t('calendar.importDone') });
  const [imported, setImported] = useState<number | null>(null);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await importHolidays.mutateAsync({ json: await file.text() }).catch(() => null);
    if (result) setImported(result.year);
  }

  return (
    <Space>
      <input ref={input} type="file" accept=".json,application/json" hidden data-testid="calendar-import-file" onChange={(e) => void onFile(e)} />
      <Button data-testid="calendar-import" loading={importHolidays.isPending} onClick={() => input.current?.click()}>
        {t('calendar.import')}
      </Button>
      {imported !== null && <Tag color="success" data-testid="calendar-imported">{t('calendar.imported', { year: imported })}</Tag>}
    </Space>
  );
}

/**
 * 工作日历: a year as month grids from the engine (public holidays, 调休 make-up working days, the
 * user's own overrides), the import of next year's schedule, and per-day overrides.
 */
export function CalendarTab() {
  const { t } = useTranslation('settings');
  const [year, setYear] = useState(dayjs().year());
  const [picked, setPicked] = useState<DayInfo | null>(null);
  const view = useEngineQuery('calendar_year', { year });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="calendar">
      <Space wrap>
        <Button data-testid="calendar-prev-year" onClick={() => setYear(year - 1)}>
          {t('calendar.prevYear')}
        </Button>
        <InputNumber data-testid="calendar-year" value={year} precision={0} onChange={(v) => v && setYear(v)} />
        <Button data-testid="calendar-next-year" onClick={() => setYear(year + 1)}>
          {t('calendar.nextYear')}
        </Button>
        <ImportButton />
      </Space>
      <Space wrap>
        {KINDS.map((k) => (
          <Tag key={k} style={{ ...KIND_STYLES[k], borderColor: '#d9d9d9' }}>
            {t(`calendar.kind.${k}`)}
          </Tag>
        ))}
        <Tag style={{ outline: '2px solid #1677ff', outlineOffset: -2 }}>{t('calendar.overridden')}</Tag>
      </Space>
      {view.error && <ErrorNotice error={view.error} />}
      {view.data && !view.data.has_data && <Alert data-testid="calendar-no-data" type="warning" showIcon title={t('calendar.noData', { year })} />}
      {view.isLoading && <Skeleton active />}
      {view.data && (
        <Row gutter={[12, 12]}>
          {MONTHS.map((m) => (
            <Col key={m} xs={24} md={12} xl={8} xxl={6}>
              <CalendarMonth days={view.data.days} month={m} onPick={setPicked} />
            </Col>
          ))}
        </Row>
      )}
      {picked && <DayEditor day={picked} onClose={() => setPicked(null)} />}
    </Space>
  );
}
