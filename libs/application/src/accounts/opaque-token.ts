import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: unguessable, so a fast hash is enough to store it (no salt, no argon2). */
export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored and looked up: SHA-256 (hex) of the token, so a database leak yields no usable token. */
export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
