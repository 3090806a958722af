// React hooks over the engine: queries keyed by action, writes as mutations that report refusals
// in the user's language, and live validation with the engine's own rules while people type.
import { useEffect, useState } from 'react';
import { App } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exec, validate, type IpcError } from './ipc';
import { describeError } from './components/errors';

/** A read action as a cached query; every write invalidates all queries (see main.tsx). */
export function useEngineQuery<T>(action: string, payload?: unknown, enabled = true) {
  return useQuery({ queryKey: [action, payload ?? null], queryFn: () => exec<T>(action, payload), enabled });
}

/**
 * A write action. A refusal is shown as a message in the user's language and re-thrown to the
 * caller, so a form can keep what was typed (never reset a form in `onError`).
 */
export function useEngineAction<P = unknown, T = unknown>(action: string, options: { success?: string } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMutation<T, IpcError, P>({
    mutationFn: (payload: P) => exec<T>(action, payload),
    onSuccess: () => {
      if (options.success) void message.success(options.success);
    },
    onError: (error) => void message.error(describeError(t, error)),
  });
}

/**
 * The engine's verdict on an action as it is being typed (debounced): `null` while it would be
 * accepted, else the refusal. Pass `null` as the payload to skip checking (form not started).
 */
export function useLiveValidation(action: string, payload: unknown | null, delayMs = 250): IpcError | null {
  const [error, setError] = useState<IpcError | null>(null);
  const key = JSON.stringify(payload);
  useEffect(() => {
    if (payload === null) {
      setError(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void validate(action, payload).then((result) => current && setError(result));
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `key` stands for `payload`: re-check when its content changes, not its identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action, key, delayMs]);
  return error;
}
