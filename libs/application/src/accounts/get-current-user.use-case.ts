import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import type { Actor } from '../auth/actor';
import { toUserProfile, type UserProfile } from './user-account';
import { UserRepository } from './user-repository.port';

/** The caller's own account. */
@Injectable()
export class GetCurrentUser {
  constructor(private readonly users: UserRepository) {}

  async execute(actor: Actor): Promise<UserProfile> {
    const user = await this.users.findById(actor.userId);
    // A valid token for an account that no longer exists authenticates nobody.
    if (!user) throw new DomainError('UNAUTHENTICATED', 'authorization');
    return toUserProfile(user);
  }
}
