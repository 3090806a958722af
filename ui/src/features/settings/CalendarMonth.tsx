import type { CSSProperties } from 'react';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DayInfo } from '../../bindings';
import { dayKind, monthGrid, type DayKind } from './calendarDays';

export const KIND_STYLES: Record<DayKind, CSSProperties> = {
  working: {},
  weekend: { background: '#fafafa', color: '#bfbfbf' },
  holiday: { background: '#fff1f0', color: '#cf1322' },
  makeup: { background: '#fff7e6', color: '#d46b08' },
};
const OVERRIDE: CSSProperties = { outline: '2px solid #1677ff', outlineOffset: -2 };
const CELL: CSSProperties = { textAlign: 'center', padding: '2px 0', cursor: 'pointer', borderRadius: 4, fontSize: 12 };
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'];

/** One month of the working-day calendar: holidays, make-up working weekends (调休) and the user's own overrides marked. */
export function CalendarMonth({ days, month, onPick }: { days: DayInfo[]; month: number; onPick: (day: DayInfo) => void }) {
  const { t } = useTranslation('settings');
  const weeks = monthGrid(days, month);
  return (
    <Card size="small" title={t('calendar.month', { month })}>
      <table style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 2 }}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th key={d} style={{ fontWeight: 'normal', fontSize: 12, color: '#8c8c8c' }}>
                {t(`calendar.weekday.${d}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week, i) => (
            <tr key={i}>
              {week.map((day, j) =>
                day ? (
                  <td
                    key={j}
                    title={[day.name, t(`calendar.kind.${dayKind(day)}`)].filter(Boolean).join(' · ')}
                    data-testid={`calendar-day-${day.date}`}
                    data-kind={dayKind(day)}
                    data-source={day.source}
                    style={{ ...CELL, ...KIND_STYLES[dayKind(day)], ...(day.source === 'override' ? OVERRIDE : {}) }}
                    onClick={() => onPick(day)}
                  >
                    {Number(day.date.slice(8))}
                  </td>
                ) : (
                  <td key={j} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
