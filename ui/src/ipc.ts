// The only module that talks to the Tauri shell. Every engine operation is an action
// `{action, payload}` sent to `exec` (or to `validate`, which checks it and keeps nothing);
// errors arrive as `{kind, message, field?, items?}`.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';

export class IpcError extends Error {
  constructor(
    public readonly kind: string,
    message: string,
    public readonly field?: string,
    public readonly items: string[] = [],
  ) {
    super(message);
  }
}

function toIpcError(error: unknown): IpcError {
  const e = error as { kind?: string; message?: string; field?: string; items?: string[] };
  return new IpcError(e.kind ?? 'internal', e.message ?? String(error), e.field, e.items ?? []);
}

const request = (action: string, payload?: unknown) => (payload === undefined ? { action } : { action, payload });

export async function exec<T>(action: string, payload?: unknown): Promise<T> {
  try {
    return await invoke<T>('exec', { action: request(action, payload) });
  } catch (error) {
    throw toIpcError(error);
  }
}

/** Runs the engine's rules on an action without keeping it; resolves to the refusal, or null. */
export async function validate(action: string, payload?: unknown): Promise<IpcError | null> {
  try {
    await invoke('validate', { action: request(action, payload) });
    return null;
  } catch (error) {
    return toIpcError(error);
  }
}

/** Calls `onChange` whenever the engine reports a write; returns the unsubscribe function. */
export function onDataChanged(onChange: () => void): Promise<() => void> {
  return listen('data-changed', () => onChange());
}
