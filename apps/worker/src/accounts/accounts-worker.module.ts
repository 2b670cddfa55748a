import { Module } from '@nestjs/common';
import { Clock, EmailVerificationSettings, SendVerificationEmail, SystemClock } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { MailModule } from '#jobs';
import { AccountsPersistenceModule } from '#persistence';
import { VerificationEmailJobHandler } from '../handlers/verification-email.job-handler';

/** The e-mails that prove an account's address: the use case, its adapters and the job handler. */
@Module({
  imports: [AccountsPersistenceModule, MailModule],
  providers: [
    { provide: Clock, useClass: SystemClock },
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
