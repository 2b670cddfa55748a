/** The cascade's tuning and the base of links in e-mails; bound from the configuration by each app. */
export abstract class NotificationSettings {
  /** How many recipients each of the first two circles tells (8 by default). */
  abstract readonly circleSize: number;
  /** How long an unclaimed offer waits before the next circle is told (30 minutes by default). */
  abstract readonly circleWaitMs: number;
  /** Where people reach Glane; e-mails link to `${publicUrl}/offers/<id>`. */
  abstract readonly publicUrl: string;
}
