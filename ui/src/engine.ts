// React hooks over the engine: queries keyed by action, writes as mutations that report refusals
// in the user's language, and live validation with the engine's own rules while people type.
import { App } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { exec, validate, type IpcError, type PayloadArgs } from './ipc';
import type { ActionName, ActionResults, PayloadOf } from './bindings';
import { describeError } from './components/errors';
import { useDebounced } from './components/useDebounced';

/** A read action as a cached query; every write invalidates all queries (see main.tsx). */
export function useEngineQuery<A extends ActionName>(action: A, payload?: PayloadOf<A>, enabled = true) {
  const args = (payload === undefined ? [] : [payload]) as PayloadArgs<A>;
  return useQuery({ queryKey: [action, payload ?? null], queryFn: () => exec(action, ...args), enabled });
}

/**
 * A write action. A refusal is shown as a message in the user's language and re-thrown to the
 * caller, so a form can keep what was typed (never reset a form in `onError`).
 */
export function useEngineAction<A extends ActionName>(action: A, options: { success?: string } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMutation<ActionResults[A], IpcError, PayloadOf<A>>({
    mutationFn: (payload: PayloadOf<A>) => exec(action, ...((payload === undefined ? [] : [payload]) as PayloadArgs<A>)),
    onSuccess: () => {
      if (options.success) void message.success(options.success);
    },
    onError: (error) => void message.error(describeError(t, error)),
  });
}

/**
 * The engine's verdict on an action as it is being typed (debounced): `null` while it would be
 * accepted, else the refusal. Pass `null` as the payload to skip checking (form not started).
 * It is a query, so it is asked again whenever the data changes (another write may have made the
 * action possible, or impossible).
 */
export function useLiveValidation<A extends ActionName>(action: A, payload: PayloadOf<A> | null, delayMs = 250): IpcError | null {
  const key = useDebounced(payload === null ? null : JSON.stringify(payload), delayMs);
  const verdict = useQuery({
    queryKey: ['validate', action, key],
    queryFn: () => validate(action, key === null ? undefined : (JSON.parse(key) as PayloadOf<A>)),
    enabled: key !== null,
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
  return key === null ? null : (verdict.data ?? null);
}
