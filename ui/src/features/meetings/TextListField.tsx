import { Button, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A list of one-line texts inside a form (agenda items, decisions, acceptance criteria): one input
 * per line, an "add" button; inputs are `${testid}-${index}`, the button `${testid}-add`.
 */
export function TextListField({ name, label, testid, placeholder, disabled }: { name: string; label: string; testid: string; placeholder?: string; disabled?: boolean }) {
  const { t } = useTranslation('meetings');
  return (
    <Form.Item label={label}>
      <Form.List name={name}>
        {(fields, { add, remove }, { errors }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Space.Compact key={field.key} style={{ width: '100%' }}>
                <Form.Item name={field.name} noStyle>
                  <Input data-testid={`${testid}-${index}`} placeholder={placeholder} disabled={disabled} onPressEnter={(e) => e.preventDefault()} />
                </Form.Item>
                {!disabled && (
                  <Button data-testid={`${testid}-remove-${index}`} onClick={() => remove(field.name)}>
                    {t('remove')}
                  </Button>
                )}
              </Space.Compact>
            ))}
            {!disabled && (
              <Button type="dashed" data-testid={`${testid}-add`} onClick={() => add('')}>
                {t('addLine')}
              </Button>
            )}
            <Form.ErrorList errors={errors} />
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
