// How engine values are shown and sent: dates as `YYYY-MM-DD`, instants in local or China time.
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

const CHINA_OFFSET_MINUTES = 8 * 60;

/** A picked day as the engine's `YYYY-MM-DD` date, or undefined when nothing is picked. */
export const isoDate = (picked: Dayjs | null | undefined): string | undefined => (picked ? picked.format('YYYY-MM-DD') : undefined);

/** Today on this machine as `YYYY-MM-DD`, the default date of a new record (the engine refuses future dates). */
export const today = (): string => dayjs().format('YYYY-MM-DD');

/** A stored instant (RFC 3339) as local date and minute; '' when absent. */
export const localDateTime = (instant: string | null | undefined): string => (instant ? dayjs(instant).format('YYYY-MM-DD HH:mm') : '');

/** An RFC 3339 instant from the engine as China wall-clock time, e.g. `2026-11-30 10:00` ('' when absent). */
export const chinaTime = (instant: string | null | undefined): string =>
  instant ? dayjs.utc(instant).utcOffset(CHINA_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm') : '';

/** The wall-clock time picked in a form, read as China time, as the engine's RFC 3339 instant. */
export const chinaInstant = (picked: Dayjs): string => `${picked.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
