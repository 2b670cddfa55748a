import type { ClaimStatus, GeoPoint, Offer, OfferStatus, RefusalReason, TemperatureClass } from '#domain';

/** An offer as stored: the aggregate, its optimistic-lock version and the location copied from its site. */
export interface VersionedOffer {
  readonly offer: Offer;
  /** Pass it back to `update`: a write based on an older read is refused with CONFLICT. */
  readonly version: number;
  readonly location: GeoPoint;
}

/**
 * Which offers a caller may read. Platform admins see everything (they handle abuse); everyone else
 * sees the open offers (PUBLISHED, PARTIALLY_CLAIMED), every offer of an organisation they belong to,
 * and the offers one of their organisations holds a claim on.
 */
export type OfferVisibility = { readonly kind: 'all' } | { readonly kind: 'member'; readonly organizationIds: readonly string[] };

export interface OfferListFilter {
  readonly statuses?: readonly OfferStatus[];
  /** Offers whose (copied) site location is within radiusKm of point, by PostGIS on geography. */
  readonly near?: { readonly point: GeoPoint; readonly radiusKm: number };
  /** Offers with at least one item in this category or one of its sub-categories. */
  readonly category?: string;
}

/** Keyset position in the newest-first order (created_at DESC, id DESC). */
export interface OfferPageCursor {
  readonly createdAt: Date;
  readonly id: string;
}

export interface OfferPage {
  readonly offers: readonly VersionedOffer[];
  readonly hasNextPage: boolean;
}

export interface OfferClaimLine {
  readonly itemId: string;
  readonly quantityKg: number;
  readonly temperature: TemperatureClass;
}

/** A recipient's claim on an offer, as the offer's readers see it (written by claimOffer). */
export interface OfferClaim {
  readonly id: string;
  readonly offerId: string;
  readonly recipientOrganizationId: string;
  readonly status: ClaimStatus;
  /** Paris calendar day, YYYY-MM-DD. */
  readonly pickupDay: string;
  readonly totalKg: number;
  readonly createdAt: Date;
  readonly lines: readonly OfferClaimLine[];
  /** Goods refused: all of them (REFUSED), or part at delivery (DELIVERED, the lines being what was accepted). */
  readonly refusal: { readonly reason: RefusalReason; readonly detail: string | null; readonly kg: number } | null;
}

export interface NewOfferDetails {
  /** Copied from the site so open offers have their own spatial index. */
  readonly location: GeoPoint;
  readonly createdBy: string | null;
}

export abstract class OfferRepository {
  /** Inserts the offer and all its items in one transaction (the caller's, or its own). */
  abstract add(offer: Offer, details: NewOfferDetails): Promise<VersionedOffer>;

  /**
   * Unknown or malformed ids are simply not found. `forUpdate` locks the offer's row until the
   * surrounding transaction ends (only meaningful inside UnitOfWork.run).
   */
  abstract findById(id: string, options?: { readonly forUpdate?: boolean }): Promise<VersionedOffer | undefined>;

  /** The offers among `ids` that `visibility` lets the caller read (DataLoader batches). */
  abstract findVisible(ids: readonly string[], visibility: OfferVisibility): Promise<VersionedOffer[]>;

  /**
   * Writes every mutable part of the aggregate (status and its timestamps, withdrawal and expiry
   * reasons, what remains of each item and in total) if the stored version is still
   * `expectedVersion`; throws DomainError CONFLICT otherwise (someone else changed it since it was
   * read). Returns the new version. Publishing, claiming, releasing, withdrawing and expiring all go
   * through here, and the events the offer recorded are written with the change (DomainEventWriter).
   */
  abstract update(offer: Offer, expectedVersion: number): Promise<number>;

  /** Newest first, keyset-paginated. */
  abstract list(filter: OfferListFilter, visibility: OfferVisibility, first: number, after?: OfferPageCursor): Promise<OfferPage>;

  /**
   * Ids (ascending, after `afterId`) of open offers that may be due to expire at `now`: a superset,
   * the aggregate has the last word (Offer.expiryReasonAt).
   */
  abstract findExpiryCandidates(now: Date, minDlcMarginHours: number, limit: number, afterId?: string): Promise<string[]>;

  /** The smallest DLC margin any recipient declares; undefined when no recipient has a profile. */
  abstract smallestRecipientDlcMarginHours(): Promise<number | undefined>;
}
