import { Injectable } from '@nestjs/common';
import { parseEmail } from '#domain';
import { JobOutbox } from '../ports/job-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { UserRepository } from './user-repository.port';
import { VerificationEmailRateLimiter } from './verification-email-rate-limiter.port';

export interface ResendVerificationEmailCommand {
  readonly email: string;
  /** The client address, for the per-address limit. */
  readonly ip: string | undefined;
}

/**
 * Sends the verification e-mail again, to an account that exists and is not verified yet; for any
 * other address it does nothing, and answers the same (no oracle of which emails have accounts).
 * Links sent earlier keep working until they expire or one of them is used: the e-mails all go to
 * the same inbox, and a retried send never breaks a link already delivered.
 */
@Injectable()
export class ResendVerificationEmail {
  constructor(
    private readonly users: UserRepository,
    private readonly limiter: VerificationEmailRateLimiter,
    private readonly outbox: JobOutbox,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: ResendVerificationEmailCommand): Promise<void> {
    // A malformed address cannot belong to anyone: saying so reveals nothing.
    const email = parseEmail(command.email, 'email');
    await this.limiter.consume({ email, ip: command.ip });
    const account = await this.users.findByEmail(email);
    if (account === null || account.emailVerifiedAt !== null) return;
    await this.unitOfWork.run(() => this.outbox.add('accounts.verification-email', { userId: account.id }));
  }
}
