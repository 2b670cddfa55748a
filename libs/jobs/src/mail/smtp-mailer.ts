import { Mailer, type MailMessage } from '#application';
import { createTransport } from 'nodemailer';

// A pooled connection: a circle sends a burst of e-mails, one handshake serves them all.
const smtpPool = (url: string) => createTransport({ url, pool: true, maxConnections: 2 });

/**
 * The Mailer port over SMTP (nodemailer). It lives in libs/jobs because, like the queues and the
 * event bus, it is infrastructure that talks to a network service on the worker's behalf; the
 * application only knows the port.
 */
export class SmtpMailer extends Mailer {
  private readonly transporter: ReturnType<typeof smtpPool>;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transporter = smtpPool(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    if (message.to.length === 0) return;
    await this.transporter.sendMail({ from: this.from, to: [...message.to], subject: message.subject, text: message.text, html: message.html });
  }

  close(): void {
    this.transporter.close();
  }
}
