import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Mailer } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { SmtpMailer } from './smtp-mailer';

/** Binds the Mailer port to the configured SMTP relay, and closes its connections at shutdown. */
@Module({
  providers: [{ provide: Mailer, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new SmtpMailer(config.mail.smtpUrl, config.mail.from) }],
  exports: [Mailer],
})
export class MailModule implements OnApplicationShutdown {
  constructor(@Inject(Mailer) private readonly mailer: Mailer) {}

  onApplicationShutdown(): void {
    if (this.mailer instanceof SmtpMailer) this.mailer.close();
  }
}
