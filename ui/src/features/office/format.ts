// Office results in words: file sizes, and the problems an archive check names.

/** A byte count as people read it: `820 B`, `12.4 KB`, `3.1 MB`, `1.2 GB`. */
export function fileSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** What can be wrong with one file of an archive package (see the interop crate's `archive::verify`). */
export type ArchiveProblemKind = 'changed' | 'missing' | 'extra' | 'twice' | 'unsafe' | 'not_file';

/** The engine's words for each kind, as they start its problem lines (`changed: documents/x.pdf`). */
const PREFIXES: [string, ArchiveProblemKind][] = [
  ['changed: ', 'changed'],
  ['missing: ', 'missing'],
  ['not in the manifest: ', 'extra'],
  ['listed twice: ', 'twice'],
  ['unsafe path in the manifest: ', 'unsafe'],
  ['not a regular file: ', 'not_file'],
];

/** One problem line of an archive check as its kind and the file it names; `kind` is null for a line of another shape. */
export function archiveProblem(line: string): { kind: ArchiveProblemKind | null; path: string } {
  const known = PREFIXES.find(([prefix]) => line.startsWith(prefix));
  return known ? { kind: known[1], path: line.slice(known[0].length) } : { kind: null, path: line };
}
