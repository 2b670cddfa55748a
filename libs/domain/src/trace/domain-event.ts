import type { TemperatureClass } from '../shared/temperature-class';

/** An organisation and one of its sites: where goods are, or go. */
export interface TraceParty {
  readonly organizationId: string;
  /** Null only for claims recorded before sites were kept with them. */
  readonly siteId: string | null;
}

/** One item's share of a movement, with what a recall searches by (GTIN, the donor's lot number). */
export interface TraceLine {
  readonly itemId: string;
  readonly category: string;
  readonly gtin: string | null;
  readonly lotNumber: string | null;
  readonly kg: number;
  readonly temperature: TemperatureClass;
}

export const DomainEventKind = {
  /** The donor put the goods up for claims (published). */
  OFFERED: 'OFFERED',
  /** The donor took the offer back; what remained will not be given. */
  OFFER_WITHDRAWN: 'OFFER_WITHDRAWN',
  /** The pickup window closed (or no DLC margin is left) with goods unclaimed. */
  OFFER_EXPIRED: 'OFFER_EXPIRED',
  /** A recipient took these kilos: from the donor's site to its own. */
  CLAIMED: 'CLAIMED',
  /** A claim was cancelled before collection: its kilos went back to the offer (or with it, if withdrawn). */
  CLAIM_CANCELLED: 'CLAIM_CANCELLED',
  /** The driver reached a stop of the claim (nothing moved). */
  STOP_ARRIVED: 'STOP_ARRIVED',
  /** The driver took these kilos (as weighed) from the donor's site, for the recipient. */
  COLLECTED: 'COLLECTED',
  /** The recipient took these kilos (as weighed) at its site. */
  DELIVERED: 'DELIVERED',
  /** The goods were refused, at collection or at delivery; the reason is the refusal's. */
  REFUSED: 'REFUSED',
  /** Nobody was there to hand over (at collection: the claim is cancelled) or to receive (at delivery). */
  NO_SHOW: 'NO_SHOW',
} as const;
export type DomainEventKind = (typeof DomainEventKind)[keyof typeof DomainEventKind];
export const DOMAIN_EVENT_KINDS: readonly DomainEventKind[] = Object.values(DomainEventKind);

/**
 * Something that happened to goods, recorded by an aggregate when it changes and written by the
 * persistence layer in the transaction of that change, as trace records (one per line) and as the
 * background work that follows (live notices, e-mails). Events are never edited afterwards.
 */
export interface DomainEvent {
  readonly kind: DomainEventKind;
  readonly occurredAt: Date;
  /** The person who acted; null for the system (the expiry sweep). */
  readonly actorUserId: string | null;
  readonly offerId: string;
  readonly claimId: string | null;
  readonly from: TraceParty;
  /** Where the goods go; null when they stay with the donor. */
  readonly to: TraceParty | null;
  readonly lines: readonly TraceLine[];
  /** Why (a withdrawal's or a cancellation's reason, a refusal's), as the person wrote it. */
  readonly reason: string | null;
  /** The temperature read at a stop, in °C, when one was. */
  readonly temperatureC?: number | null;
  /** The run's stop where it happened, for the events drivers record. */
  readonly stopId?: string | null;
}

/** Something that records domain events until the persistence layer takes them. */
export interface RecordsEvents {
  pullEvents(): DomainEvent[];
}
