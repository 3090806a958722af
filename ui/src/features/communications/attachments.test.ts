import { describe, expect, it } from 'vitest';
import { bytesToBase64, fileSize } from './attachments';

const decode = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

describe('attachments', () => {
  it('encodes bytes as base64, also past one slice', () => {
    expect(bytesToBase64(new TextEncoder().encode('hello'))).toBe('aGVsbG8=');
    const large = new Uint8Array(0x8000 * 2 + 5).map((_, i) => i % 251);
    expect(decode(bytesToBase64(large))).toEqual(large);
  });

  it('shows sizes in KB and MB', () => {
    expect(fileSize(10)).toBe('1 KB');
    expect(fileSize(532 * 1024)).toBe('532 KB');
    expect(fileSize(4.2 * 1024 * 1024)).toBe('4.2 MB');
  });
});
