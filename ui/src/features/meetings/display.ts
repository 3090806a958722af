// How the collaboration tabs of meetings, signatures and communications show record values:
// text cells of dossier rows, and instants in China time (the engine's "today" is the date in
// China, so a meeting at 10:00 reads 10:00 on every machine).
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

const CHINA_OFFSET_MINUTES = 8 * 60;

/** A dossier cell as text (`null` and missing cells are empty). */
export const str = (value: unknown) => (value == null ? '' : String(value));

/** A dossier cell holding a JSON list of strings. */
export const strList = (value: unknown): string[] => (Array.isArray(value) ? value.map(str) : []);

/** An RFC 3339 instant from the engine as China wall-clock time, e.g. `2026-11-30 10:00`. */
export function chinaTime(instant: unknown): string {
  const text = str(instant);
  return text ? dayjs.utc(text).utcOffset(CHINA_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm') : '';
}

/** The wall-clock time picked in a form, read as China time, as the engine's RFC 3339 instant. */
export function chinaInstant(picked: Dayjs): string {
  return `${picked.format('YYYY-MM-DDTHH:mm')}:00+08:00`;
}

/** A picked day as the engine's `YYYY-MM-DD` date. */
export const isoDate = (picked: Dayjs) => picked.format('YYYY-MM-DD');

/** The style that marks the record a search hit or an attention item points at. */
export const highlightStyle = { background: '#fffbe6', boxShadow: 'inset 3px 0 0 #faad14' };

/** Today on this machine as `YYYY-MM-DD`, the default date of a new record (the engine refuses future dates). */
export const today = () => isoDate(dayjs());
