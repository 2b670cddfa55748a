import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Mailer } from '../notifications/mailer.port';
import { Clock } from '../ports/clock.port';
import { EmailVerificationSettings } from './email-verification-settings.port';
import { EmailVerificationTokenRepository } from './email-verification-token-repository.port';
import { hashOpaqueToken, newOpaqueToken } from './opaque-token';
import { UserRepository } from './user-repository.port';
import { composeVerificationEmail, verificationLink } from './verification-email.template';

export type VerificationEmailOutcome = 'SENT' | 'NO_ACCOUNT' | 'ALREADY_VERIFIED';

/**
 * Sends an account the link that proves its address (the worker runs it for registration and for
 * each resend). The token is made here and only its hash is stored, before the e-mail leaves: a
 * link that was sent always works. A retry after a failed hand-off sends a fresh link; the unsent
 * one simply expires.
 */
@Injectable()
export class SendVerificationEmail {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: EmailVerificationTokenRepository,
    private readonly mailer: Mailer,
    private readonly settings: EmailVerificationSettings,
    private readonly clock: Clock,
  ) {}

  async execute(command: { readonly userId: string }): Promise<VerificationEmailOutcome> {
    const user = await this.users.findById(command.userId);
    if (user === null) return 'NO_ACCOUNT';
    if (user.emailVerifiedAt !== null) return 'ALREADY_VERIFIED';
    const now = this.clock.now();
    const token = newOpaqueToken();
    const expiresAt = new Date(now.getTime() + this.settings.tokenTtlMs);
    await this.tokens.create({ id: randomUUID(), userId: user.id, tokenHash: hashOpaqueToken(token), expiresAt, createdAt: now });
    await this.mailer.send(
      composeVerificationEmail({ displayName: user.displayName, link: verificationLink(this.settings.publicUrl, token), expiresAt }, user.email),
    );
    return 'SENT';
  }
}
