import { DatePicker, Form, type FormItemProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { isoDate } from '../../lib/format';

/**
 * A form field holding an engine date as `YYYY-MM-DD` text (so form values stay plain JSON), shown
 * as a date picker that also accepts a typed `YYYY-MM-DD` + Enter.
 */
export function DateItem({ testid, ...item }: Omit<FormItemProps, 'children' | 'getValueProps' | 'normalize'> & { testid: string }) {
  return (
    <Form.Item
      {...item}
      getValueProps={(value: string | null) => ({ value: value ? dayjs(value) : null })}
      normalize={(picked: Dayjs | null) => isoDate(picked) ?? null}
    >
      <DatePicker data-testid={testid} format="YYYY-MM-DD" />
    </Form.Item>
  );
}
