import type { OfferStatus, OrganizationKind, TemperatureClass } from '#domain';
import type { BoundingBox } from './bounding-box';

/** An open offer as a map shows it: where, what, until when, from whom. */
export interface MapOffer {
  readonly id: string;
  readonly title: string;
  readonly status: OfferStatus;
  readonly totalKg: number;
  readonly remainingKg: number;
  /** Classes of the items with kg left, in TEMPERATURE_CLASSES order. */
  readonly temperatures: readonly TemperatureClass[];
  readonly pickupFrom: Date;
  readonly pickupUntil: Date;
  readonly donorOrganizationId: string;
  readonly donorName: string;
  readonly longitude: number;
  readonly latitude: number;
}

/**
 * A recipient's site as a map shows it: public facts only. Never capacities, members or contacts
 * (capacities are the organisation's own business: nobody else reads them).
 */
export interface MapRecipientSite {
  readonly siteId: string;
  readonly siteName: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly kind: OrganizationKind;
  readonly verified: boolean;
  readonly longitude: number;
  readonly latitude: number;
}

/** Spatial reads on the GiST indexes; both return at most `limit` rows, in a stable order. */
export abstract class MapFeatureSource {
  /** PUBLISHED or PARTIALLY_CLAIMED offers of verified donors whose window is not over at `now`, soonest end first. */
  abstract openOffersWithin(box: BoundingBox, now: Date, limit: number): Promise<MapOffer[]>;
  /** Sites of verified RECIPIENT organisations: one nobody has checked yet is not on the map. */
  abstract recipientSitesWithin(box: BoundingBox, limit: number): Promise<MapRecipientSite[]>;
}
