// Display helpers for the dossier's generic rows.
import type { CSSProperties, HTMLAttributes } from 'react';
import dayjs from 'dayjs';

/** A row value as text ('' for null or absent). */
export const str = (value: unknown) => (value == null ? '' : String(value));

/** A stored instant (RFC 3339, UTC) as local date and time; '' when absent. */
export const instant = (value: unknown) => (value ? dayjs(String(value)).format('YYYY-MM-DD HH:mm') : '');

/** A DatePicker value as the engine's `YYYY-MM-DD`, or undefined. */
export const isoDate = (value: dayjs.Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/** Props for a table row: its test id and the record id a search hit or attention item points at. */
export const rowAttributes = (testId: string, recordId: string, style?: CSSProperties) =>
  ({ 'data-testid': testId, 'data-record-id': recordId, style }) as HTMLAttributes<HTMLElement>;
