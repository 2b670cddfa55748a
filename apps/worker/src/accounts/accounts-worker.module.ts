import { Module } from '@nestjs/common';
import { ClockModule, EmailVerificationSettings, SendVerificationEmail } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { MailModule } from '#jobs';
import { AccountsPersistenceModule } from '#persistence';
import { VerificationEmailJobHandler } from '../handlers/verification-email.job-handler';

/** The e-mails that prove an account's address: the use case, its adapters and the job handler. */
@Module({
  imports: [AccountsPersistenceModule, MailModule, ClockModule],
  providers: [
    {
      provide: EmailVerificationSettings,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): EmailVerificationSettings => ({
        tokenTtlMs: config.emailVerificationTtlHours * 3600 * 1000,
        publicUrl: config.publicUrl,
      }),
    },
    SendVerificationEmail,
    VerificationEmailJobHandler,
  ],
})
export class AccountsWorkerModule {}
