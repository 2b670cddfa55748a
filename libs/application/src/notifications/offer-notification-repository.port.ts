/** One recipient to tell about an offer, as the matching engine ranked it. */
export interface NewOfferNotice {
  readonly recipientOrganizationId: string;
  /** 1 for the best match at the time the circle ran. */
  readonly rank: number;
  readonly score: number;
}

export interface OfferNotice extends NewOfferNotice {
  readonly offerId: string;
  readonly circle: number;
  readonly notifiedAt: Date;
  readonly emailSentAt: Date | null;
}

/**
 * The record of who was told of which offer (offer_notifications): at most one row per recipient
 * per offer, which is what makes the cascade idempotent.
 */
export abstract class OfferNotificationRepository {
  /**
   * Records the notices that do not exist yet and returns the recipients actually recorded (in the
   * order given): a recipient already told, by this circle's earlier try or by another circle, is
   * left out, so it is never told twice.
   */
  abstract record(offerId: string, circle: number, notices: readonly NewOfferNotice[]): Promise<string[]>;
  /** Every recipient already told of the offer. */
  abstract notifiedRecipientIds(offerId: string): Promise<ReadonlySet<string>>;
  abstract find(offerId: string, recipientOrganizationId: string): Promise<OfferNotice | undefined>;
  /** Sets email_sent_at unless it is set already; false when it was (or when there is no notice). */
  abstract markEmailSent(offerId: string, recipientOrganizationId: string, at: Date): Promise<boolean>;
}
