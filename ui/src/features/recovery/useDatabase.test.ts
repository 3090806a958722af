import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import type { BackupKind } from '../../bindings';
import { DATABASE_PROBLEMS, databaseProblem } from './useDatabase';

/** Every kind of backup the engine lists (a new kind fails the type check here until it is added). */
const BACKUP_KINDS: Record<BackupKind, true> = { daily: true, before_migration: true, before_restore: true, manual: true };

describe('the recovery screen', () => {
  it('explains each database problem by its kind, and any other kind as a failed open', () => {
    expect(databaseProblem('corrupt_database')).toBe('corrupt_database');
    expect(databaseProblem('not_a_database')).toBe('not_a_database');
    expect(databaseProblem('migration')).toBe('open_failed');
    expect(databaseProblem(undefined)).toBe('open_failed');
  });

  it('has a reason and a way out for every problem, and a name for every backup kind, in both languages', async () => {
    for (const language of ['zh-CN', 'en-US']) {
      await i18n.changeLanguage(language);
      const t = i18n.getFixedT(language, 'recovery');
      for (const problem of DATABASE_PROBLEMS) {
        expect(i18n.exists(`reason.${problem}`, { ns: 'recovery' }), `${language} reason.${problem}`).toBe(true);
        expect(i18n.exists(`wayOut.${problem}`, { ns: 'recovery' }), `${language} wayOut.${problem}`).toBe(true);
      }
      for (const kind of Object.keys(BACKUP_KINDS)) expect(t(`kind.${kind}`)).not.toBe(`kind.${kind}`);
    }
  });
});
