import { Injectable } from '@nestjs/common';
import { SendVerificationEmail, type JobPayloads } from '#application';
import { HandlesJob, type JobHandler } from '#jobs';

/** Registration and each resend; an account verified meanwhile gets nothing (the use case checks). */
@Injectable()
@HandlesJob('accounts.verification-email')
export class VerificationEmailJobHandler implements JobHandler<'accounts.verification-email'> {
  constructor(private readonly sendVerificationEmail: SendVerificationEmail) {}

  async handle(payload: JobPayloads['accounts.verification-email']): Promise<void> {
    await this.sendVerificationEmail.execute(payload);
  }
}
