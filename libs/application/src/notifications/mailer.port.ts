/** One e-mail, with a plain-text body for every client and an HTML body for those that show it. */
export interface MailMessage {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Sends e-mail; implemented over SMTP by libs/jobs (nodemailer). Throws when the relay refuses. */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;
}
