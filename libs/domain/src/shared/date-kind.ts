/**
 * DLC is a safety date (use-by), DDM a quality date (best-before); NONE is for non-food goods and
 * fresh produce sold without a date. The rules differ per kind (docs/domain-rules.md, DLC margin and DDM).
 */
export const DateKind = {
  DLC: 'DLC',
  DDM: 'DDM',
  NONE: 'NONE',
} as const;
export type DateKind = (typeof DateKind)[keyof typeof DateKind];
export const DATE_KINDS: readonly DateKind[] = Object.values(DateKind);

export function isDateKind(value: unknown): value is DateKind {
  return typeof value === 'string' && (DATE_KINDS as readonly string[]).includes(value);
}
