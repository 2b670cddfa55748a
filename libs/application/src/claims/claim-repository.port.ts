import type { CalendarDay, Claim, ClaimProgress, IdempotencyKey, TemperatureClass } from '#domain';
import type { OfferClaim } from '../offers/offer-repository.port';

/** What a stored idempotency key says: the request it was first used for, and the claim that made. */
export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly claimId: string;
}

/** What a claim asks of its recipient's storage on its day: kg per class, and what was declared for each. */
export interface CapacityRequest {
  readonly recipientOrganizationId: string;
  readonly day: CalendarDay;
  readonly wantedKg: ReadonlyMap<TemperatureClass, number>;
  readonly declaredKg: Readonly<Record<TemperatureClass, number>>;
}

/** The idempotency key was taken first by another request; its record tells which claim that made. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('idempotency key already taken');
    this.name = 'IdempotencyKeyTaken';
  }
}

/** Keyset position in the newest-first order (created_at DESC, id DESC). */
export interface ClaimPageCursor {
  readonly createdAt: Date;
  readonly id: string;
}

export interface ClaimPage {
  readonly claims: readonly OfferClaim[];
  readonly hasNextPage: boolean;
}

/** Whose claims: a recipient's own, or those on a donor's offers. */
export type ClaimListScope = { readonly kind: 'recipient' | 'donor'; readonly organizationId: string };

export abstract class ClaimRepository {
  /**
   * Inserts the claim and its lines, and writes the events it recorded (DomainEventWriter), in the
   * caller's transaction.
   */
  abstract add(claim: Claim): Promise<void>;

  /** Writes the claim's status and cancellation, and the events it recorded. */
  abstract update(claim: Claim): Promise<void>;

  /**
   * Unknown or malformed ids are not found. `forUpdate` locks the claim's row until the transaction
   * ends; lock the offer first (every writer takes the offer, then its claims).
   */
  abstract findById(id: string, options?: { readonly forUpdate?: boolean }): Promise<Claim | undefined>;

  /** The offer's CONFIRMED claims, locked (inside a unit of work), oldest first. */
  abstract findConfirmedOfOffer(offerId: string): Promise<Claim[]>;

  /**
   * Where the goods of every claim on the offer are (Offer.followClaims), as the caller's transaction
   * sees them: call it with the offer's row locked and after writing the claim that changed.
   */
  abstract progressOfOffer(offerId: string): Promise<ClaimProgress[]>;

  /** The claims on these offers, oldest first (Offer.claims). */
  abstract ofOffers(offerIds: readonly string[]): Promise<OfferClaim[]>;

  /** Claims as their readers see them, by id (DataLoader batches and answers). */
  abstract views(ids: readonly string[]): Promise<OfferClaim[]>;

  abstract list(scope: ClaimListScope, first: number, after?: ClaimPageCursor): Promise<ClaimPage>;

  /**
   * Inside the unit of work, with its writes: the recipient's storage for the claim's day takes the
   * claim's kilos in each temperature class, counting every claim that holds goods, or the unit of
   * work fails with `refusal()` and writes nothing. Serialised across every API instance per
   * recipient, day and class (locks taken in a fixed order, after the offer's row, so two claims
   * never wait on each other in a cycle) and counted once the lock is held.
   */
  abstract guardCapacity(request: CapacityRequest, refusal: () => Error): Promise<void>;

  /** Kg the recipient's claims that hold goods take of its storage that day, per class. */
  abstract kgHeld(recipientOrganizationId: string, day: CalendarDay): Promise<ReadonlyMap<TemperatureClass, number>>;

  /** The record of this person's key, if any (outside any lock: a quick look for replays). */
  abstract findIdempotencyKey(userId: string, key: IdempotencyKey): Promise<IdempotencyRecord | undefined>;

  /**
   * Inside the unit of work, with its writes, after the offer's row: stores the key for the claim
   * about to be made. When someone used it first, the unit of work fails with IdempotencyKeyTaken
   * and writes nothing (a concurrent request with the same key waits until the first one is done);
   * the caller then reads the first record (findIdempotencyKey).
   */
  abstract takeIdempotencyKey(userId: string, key: IdempotencyKey, fingerprint: string, claimId: string): Promise<void>;

  /** Forgets keys created before `before`; returns how many. */
  abstract purgeIdempotencyKeys(before: Date): Promise<number>;
}
