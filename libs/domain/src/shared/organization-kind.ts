/** Which side of a donation an organisation stands on (docs/domain-rules.md, Who takes part). */
export const OrganizationKind = {
  DONOR: 'DONOR',
  RECIPIENT: 'RECIPIENT',
} as const;
export type OrganizationKind = (typeof OrganizationKind)[keyof typeof OrganizationKind];
export const ORGANIZATION_KINDS: readonly OrganizationKind[] = Object.values(OrganizationKind);

export function isOrganizationKind(value: unknown): value is OrganizationKind {
  return typeof value === 'string' && (ORGANIZATION_KINDS as readonly string[]).includes(value);
}
