import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n';

/** The 中文 / English switch in a window's header; `onChange` decides whether the choice is saved. */
export function LanguageSwitch({ onChange }: { onChange: (language: Language) => void }) {
  const { i18n } = useTranslation();
  const language: Language = LANGUAGES.find((l) => l === i18n.language) ?? 'zh-CN';
  return (
    <Segmented<Language>
      data-testid="language"
      value={language}
      onChange={onChange}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en-US' },
      ]}
    />
  );
}
