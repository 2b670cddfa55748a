import { Injectable, Optional } from '@nestjs/common';
import { DomainError } from '#domain';
import { Clock } from '../ports/clock.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { EmailVerificationTokenRepository } from './email-verification-token-repository.port';
import { InvitationAcceptor } from './invitation-acceptor.port';
import { hashOpaqueToken } from './opaque-token';
import { SessionIssuer, type Session } from './session-issuer.service';
import { toUserProfile } from './user-account';
import { UserRepository } from './user-repository.port';

// Our tokens are 43 characters; anything much longer is not one, and is not worth hashing.
const MAX_TOKEN_LENGTH = 256;

/**
 * Proves an address with the token of the e-mailed link, and signs the account in: the new access
 * token says the address is verified. The token works once and until it expires; using it retires
 * the account's other links. The invitations waiting for the address become memberships now, and
 * only now: an invitation goes to whoever owns the address, not to whoever registered it first.
 * The token, the verification, the memberships and the session stand or fall together.
 */
@Injectable()
export class VerifyEmail {
  constructor(
    private readonly tokens: EmailVerificationTokenRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    // Bound by the organisations module; optional so that accounts work (and are tested) on their own.
    @Optional() private readonly invitations?: InvitationAcceptor,
  ) {}

  async execute(token: string): Promise<Session> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) throw new DomainError('EMAIL_VERIFICATION_TOKEN_INVALID', 'token');
    const tokenHash = hashOpaqueToken(token);
    const now = this.clock.now();
    return this.unitOfWork.run(async () => {
      const userId = await this.tokens.consume(tokenHash, now);
      if (userId === null) throw await this.whyUnusable(tokenHash, now);
      await this.users.markEmailVerified(userId, now);
      const account = await this.users.findById(userId);
      // The token's row cascades with its account: a consumed token always has one.
      if (account === null) throw new DomainError('EMAIL_VERIFICATION_TOKEN_INVALID', 'token');
      const user = toUserProfile(account);
      await this.invitations?.acceptPendingInvitations(user);
      return this.sessions.start(user);
    });
  }

  /** The precise answer for a token that could not be used (its holder learns nothing new from it). */
  private async whyUnusable(tokenHash: string, now: Date): Promise<DomainError> {
    const record = await this.tokens.findByHash(tokenHash);
    if (record === null) return new DomainError('EMAIL_VERIFICATION_TOKEN_INVALID', 'token');
    if (record.usedAt !== null) return new DomainError('EMAIL_VERIFICATION_TOKEN_USED', 'token');
    if (record.expiresAt.getTime() <= now.getTime()) return new DomainError('EMAIL_VERIFICATION_TOKEN_EXPIRED', 'token');
    // Unused and unexpired and yet not consumed: only a clock disagreement gets here; refuse rather than guess.
    return new DomainError('EMAIL_VERIFICATION_TOKEN_INVALID', 'token');
  }
}
