// The UI's own translation files, so tests expect whatever text the screens are meant to show
// instead of copying strings, and can tell a raw i18n key (a missing translation) on screen.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.js';

const cache = new Map();

/** The text of `key` ('nav.dashboard' in common, or 'tasks:title') in `language`. */
export function text(language, key) {
  const [namespace, dotted] = key.includes(':') ? key.split(':') : ['common', key];
  const file = path.join(ROOT, 'ui/src/locales', language, `${namespace}.json`);
  if (!cache.has(file)) cache.set(file, JSON.parse(fs.readFileSync(file, 'utf8')));
  const value = dotted.split('.').reduce((node, part) => node?.[part], cache.get(file));
  if (typeof value !== 'string') throw new Error(`no text for ${key} in ${file}`);
  return value;
}

/** Dotted words that are file names or addresses, not i18n keys. */
const NOT_KEYS = /\.(pdf|xlsx?|docx?|json|png|jpe?g|db|zip|com|cn|net|org)$/i;

/**
 * Things in `pageText` that look like untranslated i18n keys: `tabs.overview`, `meetings:title`,
 * `stage.executing` (lower-case identifier segments joined by dots, optionally after `ns:`).
 */
export function rawKeys(pageText) {
  const candidates = pageText.match(/(?<![\w.@/\\-])[a-z][a-zA-Z0-9_]*(?:[.:][a-zA-Z][a-zA-Z0-9_]*)+(?![\w.@/\\-])/g) ?? [];
  return [...new Set(candidates)].filter((word) => !NOT_KEYS.test(word));
}
