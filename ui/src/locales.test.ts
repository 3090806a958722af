import { describe, expect, it } from 'vitest';
import { localeResources } from './i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** Every key of one language, as `namespace:path`. */
function keysOf(namespaces: Record<string, Tree>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [ns, tree] of Object.entries(namespaces)) for (const [k, v] of flatten(tree)) out.set(`${ns}:${k}`, v);
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const resources = localeResources();
  const zhKeys = keysOf(resources['zh-CN']);
  const enKeys = keysOf(resources['en-US']);

  it('has both languages with every namespace', () => {
    expect(Object.keys(resources).sort()).toEqual(['en-US', 'zh-CN']);
    expect(Object.keys(resources['en-US']).sort()).toEqual(Object.keys(resources['zh-CN']).sort());
    expect(zhKeys.size).toBeGreaterThan(100);
  });

  it('zh-CN and en-US have the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...zhKeys.keys()].sort());
  });

  it('every translation has the same placeholders', () => {
    for (const [key, text] of zhKeys) expect(placeholders(enKeys.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('the Chinese UI has no untranslated English words', () => {
    const allowed = /\b(PDF|Excel|ID|JSON|Ctrl|holiday-cn|Xiezuo)\b/g;
    for (const [key, text] of zhKeys) expect(/[A-Za-z]{3,}/.test(text.replace(/\{\{\w+\}\}/g, '').replace(allowed, '')), key).toBe(false);
  });
});
