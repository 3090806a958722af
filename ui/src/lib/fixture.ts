// Test data: a value with only the fields a test is about, whose names and types are still checked.

type DeepPartial<T> = T extends (infer U)[] ? DeepPartial<U>[] : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** A dossier, row or read model holding only the fields a test sets (the code under test reads no others). */
export function fixture<T>(fields: DeepPartial<T>): T {
  // The one place a partial value stands in for a whole one: tests leave out what the code never reads.
  return fields as T;
}
