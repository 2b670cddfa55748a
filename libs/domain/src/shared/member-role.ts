/** What a member may do for its organisation; platform admins are a separate flag, not a role here. */
export const MemberRole = {
  ADMIN: 'ADMIN',
  STAFF: 'STAFF',
  DRIVER: 'DRIVER',
} as const;
export type MemberRole = (typeof MemberRole)[keyof typeof MemberRole];
export const MEMBER_ROLES: readonly MemberRole[] = Object.values(MemberRole);

export function isMemberRole(value: unknown): value is MemberRole {
  return typeof value === 'string' && (MEMBER_ROLES as readonly string[]).includes(value);
}
