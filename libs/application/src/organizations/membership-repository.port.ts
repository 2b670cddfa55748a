import type { MemberRole } from '#domain';
import type { Membership, OrganizationMember } from './organization.model';

export interface MemberPageCursor {
  readonly since: Date;
  readonly userId: string;
}

export interface MemberPage {
  readonly members: readonly OrganizationMember[];
  readonly hasNextPage: boolean;
}

export abstract class MembershipRepository {
  /** The user's role in the organisation; undefined when not a member (or an id is malformed). */
  abstract roleOf(userId: string, organizationId: string): Promise<MemberRole | undefined>;
  abstract listForUsers(userIds: readonly string[]): Promise<Membership[]>;
  /** Adds the membership; undefined when the user already belongs to the organisation. */
  abstract add(membership: { organizationId: string; userId: string; role: MemberRole }): Promise<Membership | undefined>;
  /** Oldest first, keyset-paginated. */
  abstract listMembers(organizationId: string, first: number, after?: MemberPageCursor): Promise<MemberPage>;
}
