import { Space, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exec } from '../../ipc';
import { countdown, yearsBetween } from './workingDays';

/** The years of data a deadline was computed without, from the engine's `no_holiday_data:2027` code. */
const yearsWithoutData = (warning: string | null) => (warning?.startsWith('no_holiday_data:') ? warning.slice('no_holiday_data:'.length) : null);

/**
 * A feasibility deadline: the engine's due date and, while unanswered, how many working days are
 * left or overdue (counted on the engine's calendar); warns when no holiday schedule was known.
 */
export function DueCell({ due, warning, open }: { due: string; warning: string | null; open: boolean }) {
  const { t } = useTranslation('feasibility');
  const today = dayjs().format('YYYY-MM-DD');
  const years = useQueries({
    queries: (open ? yearsBetween(today, due) : []).map((year) => ({
      queryKey: ['calendar_year', { year }],
      queryFn: () => exec('calendar_year', { year }),
    })),
  });
  const loaded = years.every((q) => q.data);
  const left = open && loaded ? countdown(years.flatMap((q) => q.data!.days), today, due) : null;
  const missing = yearsWithoutData(warning);
  return (
    <Space size={4} wrap>
      <span>{due}</span>
      {left?.state === 'left' && <Tag color={left.days <= 1 ? 'orange' : 'blue'}>{t('due.left', { count: left.days })}</Tag>}
      {left?.state === 'today' && <Tag color="orange">{t('due.today')}</Tag>}
      {left?.state === 'overdue' && <Tag color="red">{left.days > 0 ? t('due.overdue', { count: left.days }) : t('due.overdueBrief')}</Tag>}
      {missing && (
        <Tooltip title={t('due.noHolidayDataHint', { years: missing })}>
          <Tag color="gold">{t('due.noHolidayData', { years: missing })}</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
