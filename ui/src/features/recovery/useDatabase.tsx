// The database file from the window: its status, asked before anything else is shown, and the
// commands that put another database behind the window (a restored backup, another folder, the
// same file opened again). After one of them every query is fetched again and the language is
// read from the database anew.
import { App } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { databaseStatus, type DatabaseStatus, type Restored } from '../../ipc';
import { describeError } from '../../components/errors';
import { loadLanguage } from '../../i18n';

const STATUS_KEY = ['database_status'];

/** The database problems the recovery screen explains, one per error kind the engine reports at open. */
export const DATABASE_PROBLEMS = ['not_a_database', 'corrupt_database', 'newer_database', 'read_only_location', 'disk_full', 'busy', 'open_failed'] as const;
export type DatabaseProblem = (typeof DATABASE_PROBLEMS)[number];

/** The problem an open error is about; an error of any other kind reads as `open_failed`. */
export function databaseProblem(kind: string | undefined): DatabaseProblem {
  return DATABASE_PROBLEMS.find((problem) => problem === kind) ?? 'open_failed';
}

export function useDatabaseStatus() {
  return useQuery({ queryKey: STATUS_KEY, queryFn: databaseStatus });
}

/** What a command that changes the database answers: the new status, and for a restore, what was restored and kept. */
export interface Changed {
  status: DatabaseStatus;
  restored?: Restored;
}

const changedBy = (answer: Restored | DatabaseStatus | null): Changed | null =>
  answer === null ? null : 'status' in answer ? { status: answer.status, restored: answer } : { status: answer };

/** How long the outcome stays on screen, in seconds: long enough to read a file name. */
const OUTCOME_SECONDS = 8;

/**
 * A command that changes the database behind the window, run from a button. `describe` words its
 * outcome (a message under the test id `database-changed`); a refusal is shown in the user's
 * language (`database-error`). A cancelled dialog (null) does nothing.
 */
export function useDatabaseCommand<P>(command: (payload: P) => Promise<Restored | DatabaseStatus | null>, describe: (changed: Changed) => string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (payload: P) => {
      const changed = changedBy(await command(payload));
      if (changed) {
        queryClient.setQueryData(STATUS_KEY, changed.status);
        if (changed.status.ok) await loadLanguage().catch(() => {});
        await queryClient.invalidateQueries();
      }
      return changed;
    },
    onSuccess: (changed) => {
      if (!changed) return;
      const content = <span data-testid="database-changed">{describe(changed)}</span>;
      void message.open({ type: changed.status.ok ? 'success' : 'warning', key: 'database-changed', duration: OUTCOME_SECONDS, content });
    },
    onError: (error) => void message.error({ key: 'database-changed', duration: OUTCOME_SECONDS, content: <span data-testid="database-error">{describeError(t, error)}</span> }),
  });
  return { run: (payload: P) => mutation.mutate(payload), busy: mutation.isPending };
}

/** The sentence for a finished restore: what was restored, and the name the replaced database is kept under. */
export function useRestoredText() {
  const { t } = useTranslation('recovery');
  return ({ restored }: Changed) =>
    restored?.kept ? t('restored', { backup: restored.from, kept: restored.kept }) : t('restoredNothingKept', { backup: restored?.from ?? '' });
}
