// Minutes as typed but not yet saved, kept on this machine per meeting: closing the editor, a
// refusal or a crash loses nothing, and the editor offers the kept draft when it opens again.
import type { MinutesValues } from './minutes';

const key = (meeting: string) => `xiezuo.minutes-draft.${meeting}`;

export function loadDraft(meeting: string): MinutesValues | null {
  try {
    const text = localStorage.getItem(key(meeting));
    // Drafts are written only by `keepDraft`, so a stored one has the editor's shape.
    return text ? (JSON.parse(text) as MinutesValues) : null;
  } catch {
    return null;
  }
}

export function keepDraft(meeting: string, values: MinutesValues) {
  localStorage.setItem(key(meeting), JSON.stringify(values));
}

export function dropDraft(meeting: string) {
  localStorage.removeItem(key(meeting));
}
