import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The native file input, invisible over the button, so the button opens the system's file
 * dialog and WebDriver can still send a path to the input itself. */
const overlay = { position: 'absolute', inset: 0, width: '100%', height: '100%', opacity: 0, cursor: 'pointer' } as const;

/**
 * A file chooser: a button with the app's own label (the browser's would not follow the app's
 * language), and the chosen file's name beside it. Calls `onChange` with the file or null.
 */
export function FileField({ testid, accept, onChange, disabled }: { testid: string; accept?: string; onChange: (file: File | null) => void; disabled?: boolean }) {
  const { t } = useTranslation('communications');
  const [name, setName] = useState('');
  return (
    <Space>
      <span style={{ position: 'relative', display: 'inline-block' }}>
        <Button size="small" disabled={disabled} tabIndex={-1}>
          {t('file.choose')}
        </Button>
        <input
          type="file"
          data-testid={testid}
          accept={accept}
          disabled={disabled}
          style={overlay}
          onChange={(e) => {
            const file = e.target.files?.[0] ?? null;
            setName(file?.name ?? '');
            onChange(file);
          }}
        />
      </span>
      <Typography.Text type="secondary" data-testid={`${testid}-name`}>
        {name || t('file.none')}
      </Typography.Text>
    </Space>
  );
}
