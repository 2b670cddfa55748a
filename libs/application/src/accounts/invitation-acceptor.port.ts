/**
 * Turns the invitations waiting for an email into memberships once that person has an account.
 * Implemented by the organisations module; RegisterUser calls it right after creating the account.
 */
export abstract class InvitationAcceptor {
  abstract acceptPendingInvitations(userId: string, email: string): Promise<void>;
}
