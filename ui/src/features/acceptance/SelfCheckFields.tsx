import { Button, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SelfCheckItem } from '../../bindings';

/** The form list name every self-check form uses. */
export const SELF_CHECK = 'self_check';

/** A form's self-check rows as the engine's `SelfCheckItem` list (unset boxes are "no"). */
export function selfCheckPayload(rows: Partial<SelfCheckItem>[] | undefined): SelfCheckItem[] {
  return (rows ?? []).map((r) => ({ item: r?.item ?? '', complete: !!r?.complete, quality_ok: !!r?.quality_ok, note: r?.note ?? '' }));
}

/** Fresh rows for the agreed criteria not yet on the list. */
function missingCriteria(rows: Partial<SelfCheckItem>[] | undefined, criteria: string[]): SelfCheckItem[] {
  const present = new Set((rows ?? []).map((r) => r?.item?.trim()));
  return criteria.filter((c) => !present.has(c)).map((item) => ({ item, complete: false, quality_ok: false, note: '' }));
}

/**
 * The lines of a 成果自检表 inside a form: each part of the deliverable, whether it is complete,
 * whether it meets its quality criterion, and a note. Rows can be filled from the acceptance
 * criteria agreed in the minutes.
 */
export function SelfCheckFields({ criteria }: { criteria: string[] }) {
  const { t } = useTranslation('acceptance');
  const form = Form.useFormInstance();
  return (
    <Form.List name={SELF_CHECK}>
      {(fields, { add, remove }) => (
        <div data-testid="self-check-list">
          {fields.length === 0 && <Typography.Paragraph type="secondary">{t('selfCheck.empty')}</Typography.Paragraph>}
          {fields.map(({ key, name }) => (
            <Space key={key} align="baseline" wrap style={{ display: 'flex' }} data-testid={`self-check-row-${name}`}>
              <Form.Item name={[name, 'item']} style={{ width: 220 }}>
                <Input placeholder={t('selfCheck.item')} data-testid={`self-check-item-${name}`} />
              </Form.Item>
              <Form.Item name={[name, 'complete']} valuePropName="checked">
                <Checkbox>
                  <span data-testid={`self-check-complete-${name}`}>{t('selfCheck.complete')}</span>
                </Checkbox>
              </Form.Item>
              <Form.Item name={[name, 'quality_ok']} valuePropName="checked">
                <Checkbox>
                  <span data-testid={`self-check-quality-${name}`}>{t('selfCheck.quality')}</span>
                </Checkbox>
              </Form.Item>
              <Form.Item name={[name, 'note']} style={{ width: 160 }}>
                <Input placeholder={t('selfCheck.note')} data-testid={`self-check-note-${name}`} />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(name)} data-testid={`self-check-remove-${name}`}>
                {t('form.remove')}
              </Button>
            </Space>
          ))}
          <Space>
            <Button onClick={() => add({ item: '', complete: false, quality_ok: false, note: '' })} data-testid="self-check-add">
              {t('selfCheck.add')}
            </Button>
            {criteria.length > 0 && (
              <Button
                onClick={() => {
                  const rows: Partial<SelfCheckItem>[] | undefined = form.getFieldValue(SELF_CHECK);
                  form.setFieldValue(SELF_CHECK, [...(rows ?? []), ...missingCriteria(rows, criteria)]);
                }}
                data-testid="self-check-from-criteria"
              >
                {t('selfCheck.fromCriteria')}
              </Button>
            )}
          </Space>
        </div>
      )}
    </Form.List>
  );
}
