// Office interop from a button: the shell's commands (Excel, calendar files, email drafts, archive
// packages, scans) run as mutations; what they wrote and why they refused are shown as the app's
// messages. Each message has a fixed key, so a new one replaces the last instead of piling up,
// and a test id the end-to-end tests wait for.
import { App } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../components/errors';

/** How long a result stays on screen, in seconds: long enough to read a path. */
const RESULT_SECONDS = 8;

/** The UI's language for the documents a command writes, and the messages for its results. */
export function useOfficeFeedback() {
  const { t, i18n } = useTranslation('office');
  const { message } = App.useApp();
  const show = (kind: 'success' | 'warning' | 'error', key: string, text: string) =>
    void message[kind]({ key, duration: RESULT_SECONDS, content: <span data-testid={key}>{text}</span> });
  return {
    language: i18n.language,
    /** A file was written to `path`. */
    saved: (path: string) => show('success', 'office-saved', t('saved', { path })),
    /** Any other result, under its own key (test id). */
    show,
    /** A refusal or failure, in the user's language. */
    failed: (error: unknown) => show('error', 'office-error', describeError(t, error)),
  };
}

/**
 * A shell command run from a button: `run` resolves to its answer, or to `undefined` once a
 * refusal has been shown; `busy` while it runs.
 */
export function useOfficeCommand<P, T>(command: (payload: P) => Promise<T>) {
  const feedback = useOfficeFeedback();
  const mutation = useMutation({ mutationFn: command, onError: feedback.failed });
  return {
    ...feedback,
    run: (payload: P): Promise<T | undefined> => mutation.mutateAsync(payload).catch(() => undefined),
    busy: mutation.isPending,
  };
}
