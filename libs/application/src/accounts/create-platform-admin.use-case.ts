import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { assertPasswordPolicy, parseEmail } from '#domain';
import { Clock } from '../ports/clock.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { parseDisplayName } from './display-name';
import { InvitationAcceptor } from './invitation-acceptor.port';
import { PasswordHasher } from './password-hasher.port';
import { toUserProfile, type UserAccount, type UserProfile } from './user-account';
import { UserRepository } from './user-repository.port';

export interface CreatePlatformAdminCommand {
  readonly email: string;
  /** Required to create an account; ignored (the person keeps theirs) when promoting one. */
  readonly password?: string;
  /** Defaults to the part of the email before the @ for a new account. */
  readonly displayName?: string;
}

export type CreatePlatformAdminOutcome = 'created' | 'promoted' | 'already-admin';

export interface CreatePlatformAdminResult {
  readonly outcome: CreatePlatformAdminOutcome;
  readonly user: UserProfile;
}

/**
 * Makes someone a platform administrator: creates the account (its address verified), or promotes
 * an existing one, whose address stays as verified as it was: an account registered by someone who
 * does not own the address gains nothing, since an unverified account can do nothing.
 * Reached only from the admin:create command, never from the API, so the first administrator
 * cannot be self-appointed through an open endpoint.
 */
@Injectable()
export class CreatePlatformAdmin {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly unitOfWork: UnitOfWork,
    @Optional() private readonly invitations?: InvitationAcceptor,
  ) {}

  async execute(command: CreatePlatformAdminCommand): Promise<CreatePlatformAdminResult> {
    const email = parseEmail(command.email, 'email');
    const existing = await this.users.findByEmail(email);
    if (existing) {
      if (existing.platformAdmin) return { outcome: 'already-admin', user: toUserProfile(existing) };
      await this.users.setPlatformAdmin(existing.id, true);
      return { outcome: 'promoted', user: { ...toUserProfile(existing), platformAdmin: true } };
    }

    const password = command.password ?? '';
    assertPasswordPolicy(password, 'password');
    const displayName = parseDisplayName(command.displayName ?? email.slice(0, email.lastIndexOf('@')), 'displayName');
    const account: UserAccount = {
      id: randomUUID(),
      email,
      displayName,
      passwordHash: await this.hasher.hash(password),
      platformAdmin: true,
      // The operator who runs the command on the server vouches for the address.
      emailVerifiedAt: this.clock.now(),
      createdAt: this.clock.now(),
    };
    await this.unitOfWork.run(async () => {
      await this.users.create(account);
      await this.invitations?.acceptPendingInvitations(account);
    });
    return { outcome: 'created', user: toUserProfile(account) };
  }
}
