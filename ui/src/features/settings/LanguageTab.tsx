import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Language } from '../../i18n';

const LABELS: Record<Language, string> = { 'zh-CN': '简体中文', 'en-US': 'English' };

/** The window's language, kept in the database so the app, the CLI and tests share it. */
export function LanguageTab() {
  const { i18n } = useTranslation();
  return (
    <Radio.Group
      data-testid="settings-language"
      value={i18n.language}
      onChange={(e) => {
        const picked = LANGUAGES.find((language) => language === e.target.value);
        if (picked) void chooseLanguage(picked);
      }}
      options={LANGUAGES.map((value) => ({ value, label: <span data-testid={`settings-language-${value}`}>{LABELS[value]}</span> }))}
    />
  );
}
