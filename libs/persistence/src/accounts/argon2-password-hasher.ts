import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '#application';
import * as argon2 from 'argon2';

/**
 * argon2id with OWASP's Password Storage Cheat Sheet parameters: m = 19 MiB (19456 KiB), t = 2,
 * p = 1. It is the first of OWASP's equivalent configurations, the one that needs least memory
 * per sign-in, which matters on small API hosts where several sign-ins run at once. Raise them
 * here when OWASP does: older hashes are upgraded at their owner's next sign-in (needsRehash).
 */
export const ARGON2_PARAMETERS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

@Injectable()
export class Argon2PasswordHasher extends PasswordHasher {
  private dummyHash: Promise<string> | undefined;

  async hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_PARAMETERS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      // A malformed stored hash must refuse the sign-in, not fail the request.
      return false;
    }
  }

  async verifyAgainstDummy(password: string): Promise<void> {
    // Made once per process with today's parameters, so it costs what a real verification costs.
    this.dummyHash ??= argon2.hash(randomBytes(32).toString('base64url'), ARGON2_PARAMETERS);
    await this.verify(await this.dummyHash, password);
  }

  needsRehash(hash: string): boolean {
    if (!hash.startsWith('$argon2id$')) return true;
    try {
      return argon2.needsRehash(hash, {
        memoryCost: ARGON2_PARAMETERS.memoryCost,
        timeCost: ARGON2_PARAMETERS.timeCost,
        parallelism: ARGON2_PARAMETERS.parallelism,
      });
    } catch {
      return true;
    }
  }
}
