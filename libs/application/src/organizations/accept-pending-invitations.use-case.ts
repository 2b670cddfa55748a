import { Injectable } from '@nestjs/common';
import { isValidEmail, normalizeEmail, type NormalizedEmail } from '#domain';
import { InvitationAcceptor } from '../accounts/invitation-acceptor.port';
import { Clock } from '../ports/clock.port';
import { InvitationRepository } from './invitation-repository.port';
import type { Membership } from './organization.model';

/**
 * Registration calls this (through the accounts' InvitationAcceptor port): every organisation that
 * invited the email gains the new account as a member, with the role it was invited with.
 */
@Injectable()
export class AcceptPendingInvitations implements InvitationAcceptor {
  constructor(
    private readonly invitations: InvitationRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: { readonly userId: string; readonly email: string }): Promise<Membership[]> {
    // Registration has validated the email already; an invalid one can have no invitation.
    if (!isValidEmail(command.email)) return [];
    return this.invitations.acceptAllFor(command.userId, normalizeEmail(command.email) as NormalizedEmail, this.clock.now());
  }

  async acceptPendingInvitations(userId: string, email: string): Promise<void> {
    await this.execute({ userId, email });
  }
}
