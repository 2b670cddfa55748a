// Test doubles for the accounts ports (unit specs only): in-memory, with the same contracts as the adapters.
import { DomainError, type NormalizedEmail } from '#domain';
import type { Actor } from '../auth/actor';
import { type Clock, FixedClock } from '../ports/clock.port';
import { JobOutbox } from '../ports/job-outbox.port';
import type { JobName, JobPayloads } from '../ports/job-payloads';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { AccessTokenIssuer, type IssuedAccessToken } from './access-token.port';
import {
  EmailVerificationTokenRepository,
  type EmailVerificationTokenRecord,
  type NewEmailVerificationToken,
} from './email-verification-token-repository.port';
import { LoginRateLimiter, type LoginAttempt } from './login-rate-limiter.port';
import { PasswordHasher } from './password-hasher.port';
import {
  RefreshTokenRepository,
  type NewRefreshToken,
  type RefreshTokenRecord,
  type ReplacementRefreshToken,
  type RotatedRefreshToken,
} from './refresh-token-repository.port';
import { SessionRevocationSignal, type SessionRevocation } from './session-revocation-signal.port';
import type { UserAccount } from './user-account';
import { UserRepository } from './user-repository.port';

export class InMemoryUsers extends UserRepository {
  readonly rows = new Map<string, UserAccount>();
  async findByEmail(email: NormalizedEmail): Promise<UserAccount | null> {
    return [...this.rows.values()].find((user) => user.email === email) ?? null;
  }
  async findById(id: string): Promise<UserAccount | null> {
    return this.rows.get(id) ?? null;
  }
  async create(account: UserAccount): Promise<void> {
    if (await this.findByEmail(account.email)) throw new DomainError('EMAIL_ALREADY_REGISTERED', 'email');
    this.rows.set(account.id, account);
  }
  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    const user = this.rows.get(id);
    if (user) this.rows.set(id, { ...user, passwordHash });
  }
  async markEmailVerified(id: string, at: Date): Promise<boolean> {
    const user = this.rows.get(id);
    if (!user) return false;
    if (user.emailVerifiedAt === null) this.rows.set(id, { ...user, emailVerifiedAt: at });
    return true;
  }
  async setPlatformAdmin(id: string, platformAdmin: boolean): Promise<boolean> {
    const user = this.rows.get(id);
    if (!user) return false;
    this.rows.set(id, { ...user, platformAdmin });
    return true;
  }
}

export class InMemoryRefreshTokens extends RefreshTokenRepository {
  readonly rows = new Map<string, RefreshTokenRecord>();
  async create(token: NewRefreshToken): Promise<void> {
    this.rows.set(token.id, { ...token, usedAt: null, revokedAt: null, replacedBy: null });
  }
  async rotate(tokenHash: string, now: Date, replacement: ReplacementRefreshToken, maxSessionMs?: number): Promise<RotatedRefreshToken | null> {
    const used = [...this.rows.values()].find((t) => t.tokenHash === tokenHash);
    if (!used || used.usedAt || used.revokedAt || used.expiresAt.getTime() <= now.getTime()) return null;
    const sessionEnd = maxSessionMs === undefined ? Infinity : used.sessionStartedAt.getTime() + maxSessionMs;
    if (sessionEnd <= now.getTime()) return null;
    const expiresAt = new Date(Math.min(replacement.expiresAt.getTime(), sessionEnd));
    this.rows.set(used.id, { ...used, usedAt: now, replacedBy: replacement.id });
    this.rows.set(replacement.id, {
      ...replacement,
      expiresAt,
      sessionStartedAt: used.sessionStartedAt,
      familyId: used.familyId,
      userId: used.userId,
      usedAt: null,
      revokedAt: null,
      replacedBy: null,
      createdAt: now,
    });
    return { userId: used.userId, familyId: used.familyId, expiresAt };
  }
  async findByHash(tokenHash: string): Promise<RefreshTokenRecord | null> {
    return [...this.rows.values()].find((t) => t.tokenHash === tokenHash) ?? null;
  }
  async revokeFamily(familyId: string, now: Date): Promise<number> {
    return this.revokeWhere((t) => t.familyId === familyId, now);
  }
  async revokeAllOfUser(userId: string, now: Date): Promise<number> {
    return this.revokeWhere((t) => t.userId === userId, now);
  }
  async deleteExpiredBefore(cutoff: Date, limit: number): Promise<number> {
    const doomed = [...this.rows.values()].filter((t) => t.expiresAt < cutoff).slice(0, limit);
    for (const token of doomed) this.rows.delete(token.id);
    return doomed.length;
  }
  private revokeWhere(match: (t: RefreshTokenRecord) => boolean, now: Date): number {
    let count = 0;
    for (const token of this.rows.values()) {
      if (match(token) && token.revokedAt === null) {
        this.rows.set(token.id, { ...token, revokedAt: now });
        count++;
      }
    }
    return count;
  }
}

export class InMemoryEmailVerificationTokens extends EmailVerificationTokenRepository {
  readonly rows = new Map<string, EmailVerificationTokenRecord>();
  async create(token: NewEmailVerificationToken): Promise<void> {
    this.rows.set(token.id, { ...token, usedAt: null });
  }
  async consume(tokenHash: string, now: Date): Promise<string | null> {
    const token = [...this.rows.values()].find((t) => t.tokenHash === tokenHash);
    if (!token || token.usedAt !== null || token.expiresAt.getTime() <= now.getTime()) return null;
    for (const other of this.rows.values()) {
      if (other.userId === token.userId && other.usedAt === null) this.rows.set(other.id, { ...other, usedAt: now });
    }
    return token.userId;
  }
  async findByHash(tokenHash: string): Promise<EmailVerificationTokenRecord | null> {
    return [...this.rows.values()].find((t) => t.tokenHash === tokenHash) ?? null;
  }
}

export class InMemoryOutbox extends JobOutbox {
  jobs: { name: JobName; payload: unknown }[] = [];
  failWith: Error | undefined;
  async add<N extends JobName>(name: N, payload: JobPayloads[N]): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.jobs.push({ name, payload });
  }
}

/**
 * Reversible "hash" so specs can see what was hashed; counts verifications to check the dummy one
 * runs. `legacy:<password>` stands for a hash made with outdated parameters.
 */
export class PlainHasher extends PasswordHasher {
  verifications = 0;
  dummyVerifications = 0;
  async hash(password: string): Promise<string> {
    return `hashed:${password}`;
  }
  async verify(hash: string, password: string): Promise<boolean> {
    this.verifications++;
    return hash === `hashed:${password}` || hash === `legacy:${password}`;
  }
  async verifyAgainstDummy(): Promise<void> {
    this.dummyVerifications++;
  }
  needsRehash(hash: string): boolean {
    return !hash.startsWith('hashed:');
  }
}

export class CountingLimiter extends LoginRateLimiter {
  readonly counts = new Map<string, number>();
  constructor(private readonly limit = 5) {
    super();
  }
  async consume(attempt: LoginAttempt): Promise<void> {
    const count = (this.counts.get(attempt.email) ?? 0) + 1;
    this.counts.set(attempt.email, count);
    if (count > this.limit) throw new DomainError('RATE_LIMITED', undefined, { retryAfterSeconds: 900 });
  }
  async succeeded(attempt: LoginAttempt): Promise<void> {
    this.counts.delete(attempt.email);
  }
}

export class FakeAccessTokens extends AccessTokenIssuer {
  issued: Actor[] = [];
  /** The session each token of `issued` names, in the same order. */
  sessionIds: string[] = [];
  constructor(private readonly clock: Clock) {
    super();
  }
  async issue(actor: Actor, sessionId: string): Promise<IssuedAccessToken> {
    this.issued.push(actor);
    this.sessionIds.push(sessionId);
    return {
      token: `access:${actor.userId}:${actor.platformAdmin}:${actor.emailVerified}:${sessionId}:${this.issued.length}`,
      expiresAt: new Date(this.clock.now().getTime() + 900_000),
    };
  }
}

/** Keeps what was published; listeners hear it at once, as every API instance does through Redis. */
export class RecordingRevocationSignal extends SessionRevocationSignal {
  readonly published: SessionRevocation[] = [];
  private readonly listeners = new Set<(revocation: SessionRevocation) => void>();
  async publish(revocation: SessionRevocation): Promise<void> {
    this.published.push(revocation);
    for (const listener of this.listeners) listener(revocation);
  }
  listen(listener: (revocation: SessionRevocation) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** Runs the work and, like a transaction, undoes what it wrote (users, verification tokens, outbox jobs) when the work fails. */
export class FakeUnitOfWork extends UnitOfWork {
  runs = 0;
  constructor(
    private readonly users: InMemoryUsers,
    private readonly tokens?: InMemoryEmailVerificationTokens,
    private readonly outbox?: InMemoryOutbox,
  ) {
    super();
  }
  async run<T>(work: () => Promise<T>): Promise<T> {
    this.runs++;
    const users = new Map(this.users.rows);
    const tokens = new Map(this.tokens?.rows);
    const jobs = [...(this.outbox?.jobs ?? [])];
    try {
      return await work();
    } catch (error) {
      restore(this.users.rows, users);
      if (this.tokens) restore(this.tokens.rows, tokens);
      if (this.outbox) this.outbox.jobs = jobs;
      throw error;
    }
  }
}

function restore<V>(rows: Map<string, V>, before: ReadonlyMap<string, V>): void {
  rows.clear();
  for (const [id, row] of before) rows.set(id, row);
}

/** Everything a sign-in use case needs, wired in memory. */
export function inMemoryAccounts(options: { refreshTtlSeconds?: number; loginLimit?: number } = {}) {
  const clock = new FixedClock(new Date('2026-11-20T10:00:00Z'));
  const users = new InMemoryUsers();
  const refreshTokens = new InMemoryRefreshTokens();
  const hasher = new PlainHasher();
  const limiter = new CountingLimiter(options.loginLimit);
  const accessTokens = new FakeAccessTokens(clock);
  const verificationTokens = new InMemoryEmailVerificationTokens();
  const outbox = new InMemoryOutbox();
  const unitOfWork = new FakeUnitOfWork(users, verificationTokens, outbox);
  const revocations = new RecordingRevocationSignal();
  return {
    revocations,
    clock,
    users,
    refreshTokens,
    hasher,
    limiter,
    accessTokens,
    verificationTokens,
    outbox,
    unitOfWork,
    settings: { refreshTtlSeconds: options.refreshTtlSeconds ?? 3600 },
  };
}
