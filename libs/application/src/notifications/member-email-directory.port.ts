import type { MemberRole } from '#domain';

/** Where to write to an organisation: the addresses of its members in some roles. */
export abstract class MemberEmailDirectory {
  /** Distinct addresses, sorted; empty when the organisation has no such member. */
  abstract emailsOf(organizationId: string, roles: readonly MemberRole[]): Promise<string[]>;
}
