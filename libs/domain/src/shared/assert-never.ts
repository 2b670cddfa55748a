/**
 * The default branch of an exhaustive switch: it does not compile while a case is missing, and
 * fails loudly if a value outside the type arrives at run time (from stored data, say).
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
