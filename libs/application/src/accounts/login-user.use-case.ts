import { Injectable } from '@nestjs/common';
import { DomainError, PASSWORD_MAX_LENGTH, parseEmail, passwordLength } from '#domain';
import { LoginRateLimiter } from './login-rate-limiter.port';
import { PasswordHasher } from './password-hasher.port';
import { SessionIssuer, type Session } from './session-issuer.service';
import { toUserProfile } from './user-account';
import { UserRepository } from './user-repository.port';

export interface LoginUserCommand {
  readonly email: string;
  readonly password: string;
  /** The client address, for the per-address limit. */
  readonly ip: string | undefined;
}

/**
 * Signs in with email and password. Whether the email has an account never shows: the same
 * INVALID_CREDENTIALS (same message, no field), about the same time (a dummy verification when
 * there is no account), and the same rate limit.
 */
@Injectable()
export class LoginUser {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(command: LoginUserCommand): Promise<Session> {
    // A malformed address cannot belong to anyone: saying so reveals nothing.
    const email = parseEmail(command.email, 'email');
    const attempt = { email, ip: command.ip };
    await this.limiter.consume(attempt);

    const account = await this.users.findByEmail(email);
    // No account can have a password over the policy's maximum; not hashing it keeps argon2's input bounded.
    const plausible = passwordLength(command.password) <= PASSWORD_MAX_LENGTH;
    let valid = false;
    if (account && plausible) {
      valid = await this.hasher.verify(account.passwordHash, command.password);
    } else {
      await this.hasher.verifyAgainstDummy(plausible ? command.password : '');
    }
    if (!account || !valid) throw new DomainError('INVALID_CREDENTIALS');

    await this.limiter.succeeded(attempt);
    // Hashes made with older, weaker parameters are upgraded while the password is at hand.
    if (this.hasher.needsRehash(account.passwordHash)) {
      await this.users.updatePasswordHash(account.id, await this.hasher.hash(command.password));
    }
    return this.sessions.start(toUserProfile(account));
  }
}
