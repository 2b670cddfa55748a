import type { MatchFit } from '#matching';

/**
 * Every kind of background work and the payload it carries. The jobs library maps each name to a
 * queue and its retry policy (a Record over JobName, so a new job must be placed there), and the
 * worker refuses to start unless each name has exactly one handler.
 */
export interface JobPayloads {
  /** A round trip through the worker, used by operators and the end-to-end tests to prove the pipeline. */
  'system.heartbeat': { requestId: string; requestedAt: string };
  /** The scheduled sweep (every minute) that expires offers whose window is over or whose DLC leaves no margin. */
  'offers.expire-due': Record<string, never>;
  /** One circle of an offer's broadcast cascade (1 = the best few, 3 = every eligible recipient). */
  'offers.broadcast': { offerId: string; circle: number };
  /** The e-mail telling one recipient's members of an offer matched for it, with the match as it was ranked. */
  'notifications.offer-email': OfferMatchNotice;
  /** The scheduled clean-up of refresh tokens that can no longer be used (expired for a day or more). */
  'accounts.purge-expired-sessions': Record<string, never>;
  /**
   * The e-mail with a link that proves an account's address. The token is made when the e-mail is
   * sent, not before: only its hash is ever stored, never in the outbox or the queue.
   */
  'accounts.verification-email': { userId: string };
  /** Tells live subscribers (offerChanged) that an offer's status or claims changed; written with the change. */
  'offers.changed-notice': { offerId: string };
  /** A confirmed claim's pickup, handed to planning (runs pick it up from there). */
  'claims.plan-pickup': { pickupId: string };
  /** The e-mail telling the other party of a claim made or cancelled. */
  'notifications.claim-email': { claimId: string; kind: 'CLAIMED' | 'CLAIM_CANCELLED' };
  /** The scheduled clean-up of claim idempotency keys older than their retention (48 hours). */
  'claims.purge-idempotency-keys': Record<string, never>;
  /** Tells live subscribers (runUpdated) that a run changed; written with the change. */
  'runs.changed-notice': { runId: string };
  /** The e-mail telling a recipient's coordinators which pickups of a day no run takes, and why. */
  'notifications.unserved-pickups-email': { organizationId: string; day: string };
  /** The e-mail telling a donor's admins and staff that goods of theirs were refused, and why. */
  'notifications.refusal-email': { claimId: string; temperatureC: number | null };
  /** A claim was made or cancelled: if its day is planned, a re-plan of that day is requested (debounced). */
  'runs.day-changed': { claimId: string };
  /** Re-plans a recipient's planned day (runs not on the road yet), with the vehicles of its last planning. */
  'runs.replan': { organizationId: string; day: string };
  /** The e-mails asking the drivers available for a run given back close to its start whether they can take it. */
  'notifications.open-run-email': { runId: string; withdrawnDriverUserId: string };
  /** Some time after a withdrawal close to the start: the coordinators are told if the run is still open. */
  'runs.untaken-check': { runId: string; releasedAt: string };
  /** The live notice (openRunOffered) to the drivers available for a run given back close to its start: those the e-mail asks. */
  'runs.open-run-notice': { runId: string; withdrawnDriverUserId: string };
}

/** Why a recipient was told of an offer: what the cascade knew when it ranked it. */
export interface OfferMatchNotice {
  offerId: string;
  recipientOrganizationId: string;
  /** The recipient's site the match was measured to. */
  siteId: string;
  distanceKm: number;
  score: number;
  /** 1 for the best match when its circle ran. */
  rank: number;
  /** Kg of the offer the recipient could take within its free storage that day. */
  absorbableKg: number;
  /** Whether that covers every kg left of the offer. */
  fit: MatchFit;
  circle: number;
  reasons: { code: string; fr: string; en: string }[];
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES = [
  'system.heartbeat',
  'offers.expire-due',
  'offers.broadcast',
  'notifications.offer-email',
  'accounts.purge-expired-sessions',
  'accounts.verification-email',
  'offers.changed-notice',
  'claims.plan-pickup',
  'notifications.claim-email',
  'claims.purge-idempotency-keys',
  'runs.changed-notice',
  'notifications.unserved-pickups-email',
  'notifications.refusal-email',
  'runs.day-changed',
  'runs.replan',
  'notifications.open-run-email',
  'runs.untaken-check',
  'runs.open-run-notice',
] as const satisfies readonly JobName[];

// Fails to compile if JOB_NAMES misses a key of JobPayloads.
type MissingJobName = Exclude<JobName, (typeof JOB_NAMES)[number]>;
const everyJobNameListed: MissingJobName extends never ? true : never = true;
void everyJobNameListed;
