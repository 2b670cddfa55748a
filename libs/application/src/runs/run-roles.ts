import { MemberRole } from '#domain';

/** Who plans a recipient's day and follows its runs: its coordinators (docs/domain-rules.md, Who takes part). */
export const RUN_COORDINATOR_ROLES: readonly MemberRole[] = [MemberRole.ADMIN, MemberRole.STAFF];
/** Who drives runs: the recipient's drivers. */
export const RUN_DRIVER_ROLES: readonly MemberRole[] = [MemberRole.DRIVER];
/** A donor's members who follow the stops at their sites. */
export const DONOR_FOLLOWER_ROLES: readonly MemberRole[] = [MemberRole.ADMIN, MemberRole.STAFF];
