import { describe, expect, it } from 'vitest';
import zh from './locales/zh-CN/common.json';
import en from './locales/en-US/common.json';

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

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const zhKeys = flatten(zh as Tree);
  const enKeys = flatten(en as Tree);

  it('zh-CN and en-US have the same keys', () => {
    expect([...enKeys.keys()].sort()).toEqual([...zhKeys.keys()].sort());
  });

  it('every translation has the same placeholders', () => {
    for (const [key, text] of zhKeys) expect(placeholders(enKeys.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('the Chinese UI has no untranslated English words', () => {
    for (const [key, text] of zhKeys) expect(/[A-Za-z]{3,}/.test(text.replace(/\{\{\w+\}\}/g, '')), key).toBe(false);
  });
});
