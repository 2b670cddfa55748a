import { Injectable } from '@nestjs/common';
import { DomainError, isMemberRole, parseEmail, type MemberRole, type NormalizedEmail } from '#domain';
import { InvitationRepository } from './invitation-repository.port';
import { MembershipRepository } from './membership-repository.port';
import type { Invitation, Membership } from './organization.model';
import { UserDirectory } from './user-directory.port';

export interface AddMemberCommand {
  /** The API checks that the caller is an ADMIN of it before calling. */
  readonly organizationId: string;
  readonly email: string;
  readonly role: MemberRole;
  readonly addedBy: string;
}

/**
 * A member at once when the email has a verified account; otherwise an invitation, accepted when the
 * address is verified (by the account that has it, or by whoever registers it and proves it).
 */
export type MemberAdded =
  | { readonly kind: 'membership'; readonly membership: Membership; readonly email: NormalizedEmail }
  | { readonly kind: 'invitation'; readonly invitation: Invitation; readonly email: NormalizedEmail };

@Injectable()
export class AddMember {
  constructor(
    private readonly users: UserDirectory,
    private readonly memberships: MembershipRepository,
    private readonly invitations: InvitationRepository,
  ) {}

  async execute(command: AddMemberCommand): Promise<MemberAdded> {
    const email = parseEmail(command.email, 'email');
    if (!isMemberRole(command.role)) throw new DomainError('UNKNOWN_MEMBER_ROLE', 'role', { value: String(command.role) });
    const userId = await this.users.findVerifiedUserIdByEmail(email);
    if (userId === undefined) {
      const invitation = await this.invitations.savePending({ organizationId: command.organizationId, email, role: command.role, invitedBy: command.addedBy });
      return { kind: 'invitation', invitation, email };
    }
    // Changing a member's role is a different operation: adding never demotes an admin by accident.
    const membership = await this.memberships.add({ organizationId: command.organizationId, userId, role: command.role });
    if (membership === undefined) throw new DomainError('ALREADY_MEMBER', 'email');
    return { kind: 'membership', membership, email };
  }
}
