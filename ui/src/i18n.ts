// Translations: zh-CN is the default, en-US the second language. Every visible string goes
// through a key. Each feature owns a namespace file per language (`locales/<lng>/<ns>.json`),
// loaded here at build time; `locales.test.ts` checks both languages have the same keys.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { exec } from './ipc';

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];

type Tree = { [key: string]: string | Tree };
const files = import.meta.glob<Tree>('./locales/*/*.json', { eager: true, import: 'default' });

/** `{ 'zh-CN': { common: {...}, tasks: {...} }, 'en-US': {...} }` from the locale files. */
export function localeResources(): Record<string, Record<string, Tree>> {
  const resources: Record<string, Record<string, Tree>> = {};
  for (const [path, tree] of Object.entries(files)) {
    const [, language, namespace] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path)!;
    (resources[language] ??= {})[namespace] = tree;
  }
  return resources;
}

void i18n.use(initReactI18next).init({
  resources: localeResources(),
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

/** The language preference lives in the database, so the app, the CLI and tests share it. */
export async function loadLanguage() {
  const preferences = await exec('get_preferences');
  await applyLanguage(LANGUAGES.find((language) => language === preferences.language) ?? 'zh-CN');
}

export async function chooseLanguage(language: Language) {
  await exec('set_preferences', { language });
  await applyLanguage(language);
}

/** Shows the window in `language` without saving the choice (the recovery screen has no database to save it in). */
export async function applyLanguage(language: Language) {
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export default i18n;
