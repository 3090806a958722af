// Placeholder until this screen is built; see the list of screens.
export function AttentionNotifier() { return null; }
