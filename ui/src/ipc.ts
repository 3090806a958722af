// The only module that talks to the Tauri shell. Every engine operation is an action
// `{action, payload}` sent to the single `exec` command; errors arrive as `{kind, message}`.
import { invoke } from '@tauri-apps/api/core';
import { listen } from '@tauri-apps/api/event';

export class IpcError extends Error {
  constructor(
    public readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

export async function exec<T>(action: string, payload?: unknown): Promise<T> {
  const request = payload === undefined ? { action } : { action, payload };
  try {
    return await invoke<T>('exec', { action: request });
  } catch (error) {
    const e = error as { kind?: string; message?: string };
    throw new IpcError(e.kind ?? 'internal', e.message ?? String(error));
  }
}

/** Calls `onChange` whenever the engine reports a write; returns the unsubscribe function. */
export function onDataChanged(onChange: () => void): Promise<() => void> {
  return listen('data-changed', () => onChange());
}
