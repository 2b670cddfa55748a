import type { MemberRole, NormalizedEmail } from '#domain';
import type { Invitation, Membership } from './organization.model';

export abstract class InvitationRepository {
  /** One pending invitation per organisation and email: inviting again updates the role. */
  abstract savePending(invitation: { organizationId: string; email: NormalizedEmail; role: MemberRole; invitedBy: string }): Promise<Invitation>;
  /**
   * Turns every pending invitation for this email into a membership of userId (keeping an existing
   * membership as it is) and marks them accepted, in one transaction, provided userId's account has
   * this email and has verified it (otherwise nothing changes). Returns the memberships created.
   */
  abstract acceptAllFor(userId: string, email: NormalizedEmail, at: Date): Promise<Membership[]>;
}
