import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import { InvitationAcceptor } from '../accounts/invitation-acceptor.port';
import type { UserProfile } from '../accounts/user-account';
import { Clock } from '../ports/clock.port';
import { InvitationRepository } from './invitation-repository.port';
import type { Membership } from './organization.model';

/**
 * Email verification calls this (through the accounts' InvitationAcceptor port): every organisation
 * that invited the address gains the account as a member, with the role it was invited with. Only
 * a verified address accepts: the repository checks it again in the statement that accepts.
 */
@Injectable()
export class AcceptPendingInvitations implements InvitationAcceptor {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(user: Pick<UserProfile, 'id' | 'email' | 'emailVerifiedAt'>): Promise<Membership[]> {
    if (user.emailVerifiedAt === null) throw new DomainError('EMAIL_NOT_VERIFIED', 'email');
    return this.invitations.acceptAllFor(user.id, user.email, this.clock.now());
  }

  async acceptPendingInvitations(user: Pick<UserProfile, 'id' | 'email' | 'emailVerifiedAt'>): Promise<void> {
    await this.execute(user);
  }
}
