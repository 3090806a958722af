// Placeholder until this screen is built; see the list of screens.
/** Prints one document (kind as in the forms crate: request, agenda, minutes, tracking, self_check, acceptance, letter, register) for a collaboration, optionally for one record (meeting or deliverable id). */
export function PrintButton(_: { kind: string; collaboration?: string; record?: string; label?: string }) { return null; }
