import { describe, expect, it } from 'vitest';
import type { DocumentKind, SignatureRow } from '../../bindings';
import { fixture } from '../../lib/fixture';
import { printKind, signedDocuments } from './documents';

const slot = (document_kind: DocumentKind, document_id: string, revision: number, department: string) =>
  fixture<SignatureRow>({ document_kind, document_id, revision, department });

describe('signed documents', () => {
  it('groups slots by document revision in process order, latest revision first', () => {
    const docs = signedDocuments([
      slot('minutes', 'm1', 1, '市场部'),
      slot('request', 'c1', 1, '市场部'),
      slot('minutes', 'm1', 1, '销售部'),
      slot('request', 'c1', 2, '市场部'),
      slot('minutes', 'm2', 1, '市场部'),
    ]);
    expect(docs.map((d) => [d.key, d.current, d.signatures.length])).toEqual([
      ['request/c1/2', true, 1],
      ['request/c1/1', false, 1],
      ['minutes/m1/1', true, 2],
      ['minutes/m2/1', true, 1],
    ]);
  });

  it('names document kinds as the printing module does', () => {
    expect(printKind('selfcheck')).toBe('self_check');
    expect(printKind('minutes')).toBe('minutes');
  });
});
