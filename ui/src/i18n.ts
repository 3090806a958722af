// Translations: zh-CN is the default, en-US the second language. Every visible string goes
// through a key; `locales.test.ts` checks both files have the same keys and placeholders.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zh from './locales/zh-CN/common.json';
import en from './locales/en-US/common.json';
import { exec } from './ipc';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { common: zh }, 'en-US': { common: en } },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

/** The language preference lives in the database, so the app, the CLI and tests share it. */
export async function loadLanguage() {
  const preferences = await exec<{ language: Language | null }>('get_preferences');
  await applyLanguage(preferences.language ?? 'zh-CN');
}

export async function chooseLanguage(language: Language) {
  await exec('set_preferences', { language });
  await applyLanguage(language);
}

async function applyLanguage(language: Language) {
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export default i18n;
