import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { assertPasswordPolicy, DomainError, parseEmail } from '#domain';
import { Clock } from '../ports/clock.port';
import { JobOutbox } from '../ports/job-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { parseDisplayName } from './display-name';
import { PasswordHasher } from './password-hasher.port';
import { RegistrationRateLimiter } from './registration-rate-limiter.port';
import { SessionIssuer, type Session } from './session-issuer.service';
import { toUserProfile, type UserAccount } from './user-account';
import { UserRepository } from './user-repository.port';

export interface RegisterUserCommand {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  /** The client address, for the per-address limit; undefined outside HTTP (seed, admin command). */
  readonly ip?: string;
}

/**
 * Creates an account and signs it in, unverified: it can do nothing but verify its address and sign
 * out until it proves it owns the address with the link e-mailed now (the e-mail job is written in
 * the same transaction as the account, so every account gets one). Pending invitations for the
 * address wait for that proof.
 */
@Injectable()
export class RegisterUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionIssuer,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: JobOutbox,
    // Bound by the API's rate-limit module; processes without HTTP clients (seed) have none.
    @Optional() private readonly limiter?: RegistrationRateLimiter,
  ) {}

  async execute(command: RegisterUserCommand): Promise<Session> {
    // Counted first, bad input included: a script spraying requests is slowed whatever it sends.
    await this.limiter?.consume(command.ip);
    // Every input is checked before anything is written.
    const email = parseEmail(command.email, 'email');
    assertPasswordPolicy(command.password, 'password');
    const displayName = parseDisplayName(command.displayName, 'displayName');

    // Registration may say an email is taken (people need to know to sign in instead); login never does.
    // The unique index still decides when two registrations race (create throws the same error).
    if (await this.users.findByEmail(email)) throw new DomainError('EMAIL_ALREADY_REGISTERED', 'email');

    const account: UserAccount = {
      id: randomUUID(),
      email,
      displayName,
      passwordHash: await this.hasher.hash(command.password),
      platformAdmin: false,
      emailVerifiedAt: null,
      createdAt: this.clock.now(),
    };
    // The account, its verification e-mail and its first session stand or fall together.
    return this.unitOfWork.run(async () => {
      await this.users.create(account);
      await this.outbox.add('accounts.verification-email', { userId: account.id });
      return this.sessions.start(toUserProfile(account));
    });
  }
}
