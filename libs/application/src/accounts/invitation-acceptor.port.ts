import type { UserProfile } from './user-account';

/**
 * Turns the invitations waiting for an address into memberships of the account that proved it owns
 * that address. Implemented by the organisations module; email verification calls it (and the
 * admin:create command, whose accounts are verified by the operator who makes them). Throws
 * DomainError EMAIL_NOT_VERIFIED, writing nothing, for an account whose address is not verified:
 * whoever registers an address first must not inherit what was meant for its owner.
 */
export abstract class InvitationAcceptor {
  abstract acceptPendingInvitations(user: Pick<UserProfile, 'id' | 'email' | 'emailVerifiedAt'>): Promise<void>;
}
