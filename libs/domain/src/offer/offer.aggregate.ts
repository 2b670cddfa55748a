import { DomainError } from '../errors/domain-error';
import { ClaimStatus, type ClaimProgress } from '../shared/claim-status';
import { DateKind } from '../shared/date-kind';
import { OfferStatus, isOfferStatus } from '../shared/offer-status';
import { roundKg } from '../shared/kilograms';
import { assertValidInstant } from '../shared/paris-calendar';
import { dateRuleVerdict, type DateRuleVerdict, isDlcExpired, isDlcMarginMet } from './date-rules';
import { MAX_ITEM_QUANTITY_KG, type OfferItemDetails, type OfferItemInput, parseOfferItem } from './offer-item';
import { DomainEventKind, type DomainEvent, type RecordsEvents } from '../trace/domain-event';
import { canApplyOfferEvent, nextOfferStatus, OfferEvent } from './offer-status.machine';

export const MAX_OFFER_TITLE_LENGTH = 200;
export const MAX_OFFER_ITEMS = 100;
export const MAX_PICKUP_WINDOW_DAYS = 14;
export const MAX_WITHDRAWAL_REASON_LENGTH = 500;
const MS_PER_DAY = 86_400_000;

export interface OfferItem extends OfferItemDetails {
  readonly id: string;
  /** What no claim holds yet, in kg; between 0 and quantityKg. */
  readonly remainingKg: number;
}

/** Everything an offer is, for storage; `Offer.restore` takes it back. */
export interface OfferSnapshot {
  readonly id: string;
  readonly donorOrganizationId: string;
  readonly siteId: string;
  readonly title: string;
  readonly status: OfferStatus;
  readonly items: readonly OfferItem[];
  readonly pickupFrom: Date;
  readonly pickupUntil: Date;
  readonly createdAt: Date;
  readonly publishedAt: Date | null;
  readonly statusChangedAt: Date;
  readonly withdrawalReason: string | null;
  readonly expiryReason: OfferExpiryReason | null;
}

export interface NewOfferInput {
  readonly id: string;
  readonly donorOrganizationId: string;
  readonly siteId: string;
  /** Field names in errors are those of CreateOfferInput: 'title', 'items.3.gtin', 'pickupUntil'. */
  readonly title: string;
  readonly items: ReadonlyArray<OfferItemInput & { readonly id: string }>;
  readonly pickupFrom: Date;
  readonly pickupUntil: Date;
}

export interface ClaimLineRequest {
  readonly itemId: string;
  readonly quantityKg: number;
}

export interface ClaimTerms {
  readonly now: Date;
  /** The claiming recipient's DLC margin (RecipientProfile.dlcMarginHours). */
  readonly dlcMarginHours: number;
}

export type OfferExpiryReason = 'WINDOW_OVER' | 'NO_DLC_MARGIN_LEFT';

/**
 * A donor's lot at one site for one pickup window. It guards what the rest of the system relies on:
 * the status only moves along the state machine, what remains of each item stays within
 * [0, quantity], and no expired DLC item is ever published or claimed.
 */
export class Offer implements RecordsEvents {
  private events: DomainEvent[] = [];

  private constructor(private state: OfferSnapshot) {}

  /** A new DRAFT; validates the whole input, reporting the first broken rule with its field. */
  static create(input: NewOfferInput, now: Date): Offer {
    const title = input.title.trim();
    const titleLength = [...title].length;
    if (titleLength === 0 || titleLength > MAX_OFFER_TITLE_LENGTH) {
      throw new DomainError('INVALID_OFFER_TITLE', 'title', { max: MAX_OFFER_TITLE_LENGTH });
    }
    if (input.items.length === 0) throw new DomainError('OFFER_WITHOUT_ITEMS', 'items');
    if (input.items.length > MAX_OFFER_ITEMS) {
      throw new DomainError('OFFER_TOO_MANY_ITEMS', 'items', { max: MAX_OFFER_ITEMS });
    }
    assertValidInstant(input.pickupFrom, 'pickupFrom');
    assertValidInstant(input.pickupUntil, 'pickupUntil');
    assertPickupWindow(input.pickupFrom, input.pickupUntil, now);

    const ids = new Set<string>();
    const items = input.items.map((raw, index): OfferItem => {
      const details = parseOfferItem(raw, `items.${index}`);
      if (ids.has(raw.id)) throw new DomainError('DUPLICATE_OFFER_ITEM_ID', `items.${index}`);
      ids.add(raw.id);
      return Object.freeze({ ...details, id: raw.id, remainingKg: details.quantityKg });
    });
    assertNoExpiredDlc(items, now);

    return new Offer({
      id: input.id,
      donorOrganizationId: input.donorOrganizationId,
      siteId: input.siteId,
      title,
      status: OfferStatus.DRAFT,
      items: Object.freeze(items),
      pickupFrom: new Date(input.pickupFrom.getTime()),
      pickupUntil: new Date(input.pickupUntil.getTime()),
      createdAt: new Date(now.getTime()),
      publishedAt: null,
      statusChangedAt: new Date(now.getTime()),
      withdrawalReason: null,
      expiryReason: null,
    });
  }

  /**
   * Back from storage. Checks only what must always hold (an offer stored yesterday may have an
   * expired DLC today); a broken snapshot is a bug or corrupt data, hence a plain Error.
   */
  static restore(snapshot: OfferSnapshot): Offer {
    if (!isOfferStatus(snapshot.status)) throw new Error(`Offer ${snapshot.id}: unknown status ${String(snapshot.status)}`);
    if (snapshot.items.length === 0) throw new Error(`Offer ${snapshot.id}: no items`);
    for (const item of snapshot.items) {
      if (!(item.remainingKg >= 0 && item.remainingKg <= item.quantityKg)) {
        throw new Error(`Offer ${snapshot.id}: item ${item.id} has ${item.remainingKg} kg left of ${item.quantityKg}`);
      }
    }
    return new Offer(copyState(snapshot));
  }

  get id(): string {
    return this.state.id;
  }
  get donorOrganizationId(): string {
    return this.state.donorOrganizationId;
  }
  get siteId(): string {
    return this.state.siteId;
  }
  get title(): string {
    return this.state.title;
  }
  get status(): OfferStatus {
    return this.state.status;
  }
  get items(): readonly OfferItem[] {
    return this.state.items;
  }
  get pickupFrom(): Date {
    return new Date(this.state.pickupFrom.getTime());
  }
  get pickupUntil(): Date {
    return new Date(this.state.pickupUntil.getTime());
  }
  get createdAt(): Date {
    return new Date(this.state.createdAt.getTime());
  }
  get publishedAt(): Date | null {
    return this.state.publishedAt === null ? null : new Date(this.state.publishedAt.getTime());
  }
  get withdrawalReason(): string | null {
    return this.state.withdrawalReason;
  }
  get expiryReason(): OfferExpiryReason | null {
    return this.state.expiryReason;
  }

  get totalKg(): number {
    return roundKg(this.state.items.reduce((total, item) => total + item.quantityKg, 0));
  }

  get remainingKg(): number {
    return roundKg(this.state.items.reduce((total, item) => total + item.remainingKg, 0));
  }

  item(itemId: string): OfferItem | undefined {
    return this.state.items.find((item) => item.id === itemId);
  }

  toSnapshot(): OfferSnapshot {
    return copyState(this.state);
  }

  /** Refused when the window is over or any DLC item has expired: nobody could legally take it. */
  publish(now: Date, actorUserId: string | null = null): void {
    const status = nextOfferStatus(this.state.status, OfferEvent.PUBLISH);
    if (this.state.pickupUntil.getTime() <= now.getTime()) throw new DomainError('PICKUP_WINDOW_OVER');
    assertNoExpiredDlc(this.state.items, now);
    this.state = { ...this.state, status, publishedAt: new Date(now.getTime()), statusChangedAt: new Date(now.getTime()) };
    this.record(DomainEventKind.OFFERED, now, actorUserId, null);
  }

  /** The reason goes back to the recipients that claimed, so it is required. */
  withdraw(reason: string, now: Date, actorUserId: string | null = null): void {
    const trimmed = reason.trim();
    const length = [...trimmed].length;
    if (length === 0 || length > MAX_WITHDRAWAL_REASON_LENGTH) {
      throw new DomainError('WITHDRAW_REASON_REQUIRED', 'reason', { max: MAX_WITHDRAWAL_REASON_LENGTH });
    }
    const status = nextOfferStatus(this.state.status, OfferEvent.WITHDRAW);
    this.state = { ...this.state, status, withdrawalReason: trimmed, statusChangedAt: new Date(now.getTime()) };
    this.record(DomainEventKind.OFFER_WITHDRAWN, now, actorUserId, trimmed);
  }

  /**
   * Why the offer should expire now, or null. `minDlcMarginHours` is the smallest margin of any
   * recipient that could still take it (0 when unknown): once no remaining item meets it, and every
   * remaining item is a DLC item, nobody can ever take what is left.
   */
  expiryReasonAt(now: Date, minDlcMarginHours = 0): OfferExpiryReason | null {
    if (this.state.pickupUntil.getTime() <= now.getTime()) return 'WINDOW_OVER';
    const remaining = this.state.items.filter((item) => item.remainingKg > 0);
    if (remaining.length === 0) return null;
    const nothingOfferable = remaining.every(
      (item) =>
        item.dateKind === DateKind.DLC &&
        (item.date === null || isDlcExpired(item.date, now) || !isDlcMarginMet(item.date, this.state.pickupUntil, minDlcMarginHours)),
    );
    return nothingOfferable ? 'NO_DLC_MARGIN_LEFT' : null;
  }

  /** For the expiry job; refuses an offer that is not due, so a stray or early job changes nothing. */
  expire(now: Date, minDlcMarginHours = 0): void {
    const status = nextOfferStatus(this.state.status, OfferEvent.EXPIRE);
    const expiryReason = this.expiryReasonAt(now, minDlcMarginHours);
    if (expiryReason === null) throw new DomainError('OFFER_NOT_DUE_TO_EXPIRE');
    this.state = { ...this.state, status, expiryReason, statusChangedAt: new Date(now.getTime()) };
    this.record(DomainEventKind.OFFER_EXPIRED, now, null, expiryReason);
  }

  /** The date verdict of every item with something left, for one recipient's margin. */
  offerableItems(now: Date, dlcMarginHours: number): ReadonlyArray<{ readonly item: OfferItem; readonly verdict: DateRuleVerdict }> {
    return this.state.items
      .filter((item) => item.remainingKg > 0)
      .map((item) => ({ item, verdict: dateRuleVerdict(item, this.state.pickupUntil, dlcMarginHours, now) }))
      .filter(({ verdict }) => verdict.allowed);
  }

  /**
   * Takes quantities out of what remains, for one recipient. Every line is checked before anything
   * changes; field names are those of ClaimOfferInput ('lines.2.quantityKg').
   */
  claim(lines: readonly ClaimLineRequest[], terms: ClaimTerms): void {
    assertOneOf(this.state.status, [OfferEvent.CLAIM_PART, OfferEvent.CLAIM_ALL]);
    if (lines.length === 0) throw new DomainError('CLAIM_WITHOUT_LINES', 'lines');
    if (this.state.pickupUntil.getTime() <= terms.now.getTime()) throw new DomainError('PICKUP_WINDOW_OVER');
    const taken = new Map<string, number>();
    lines.forEach((line, index) => {
      const item = this.item(line.itemId);
      if (item === undefined) throw new DomainError('UNKNOWN_OFFER_ITEM', `lines.${index}.itemId`);
      assertPositiveKg(line.quantityKg, `lines.${index}.quantityKg`);
      const verdict = dateRuleVerdict(item, this.state.pickupUntil, terms.dlcMarginHours, terms.now);
      if (!verdict.allowed) {
        const code = verdict.reason === 'DLC_MARGIN_NOT_MET' ? 'DLC_MARGIN_NOT_MET' : 'DLC_EXPIRED';
        throw new DomainError(code, `lines.${index}.itemId`, {
          marginHours: terms.dlcMarginHours,
          date: item.date ?? '',
        });
      }
      const total = roundKg((taken.get(item.id) ?? 0) + line.quantityKg);
      if (total > item.remainingKg) {
        throw new DomainError('CLAIM_EXCEEDS_REMAINING', `lines.${index}.quantityKg`, { remainingKg: item.remainingKg });
      }
      taken.set(item.id, total);
    });
    const items = this.state.items.map((item) =>
      taken.has(item.id) ? Object.freeze({ ...item, remainingKg: roundKg(item.remainingKg - (taken.get(item.id) ?? 0)) }) : item,
    );
    const event = items.every((item) => item.remainingKg === 0) ? OfferEvent.CLAIM_ALL : OfferEvent.CLAIM_PART;
    const status = nextOfferStatus(this.state.status, event);
    this.state = { ...this.state, status, items: Object.freeze(items), statusChangedAt: new Date(terms.now.getTime()) };
  }

  /** Gives back what a cancelled claim held. */
  release(lines: readonly ClaimLineRequest[], now: Date): void {
    assertOneOf(this.state.status, [OfferEvent.RELEASE_PART, OfferEvent.RELEASE_ALL]);
    if (lines.length === 0) throw new DomainError('CLAIM_WITHOUT_LINES', 'lines');
    const given = new Map<string, number>();
    lines.forEach((line, index) => {
      const item = this.item(line.itemId);
      if (item === undefined) throw new DomainError('UNKNOWN_OFFER_ITEM', `lines.${index}.itemId`);
      assertPositiveKg(line.quantityKg, `lines.${index}.quantityKg`);
      const total = roundKg((given.get(item.id) ?? 0) + line.quantityKg);
      if (roundKg(item.remainingKg + total) > item.quantityKg) {
        throw new DomainError('NOTHING_TO_RELEASE', `lines.${index}.quantityKg`, {
          claimedKg: roundKg(item.quantityKg - item.remainingKg),
        });
      }
      given.set(item.id, total);
    });
    const items = this.state.items.map((item) =>
      given.has(item.id) ? Object.freeze({ ...item, remainingKg: roundKg(item.remainingKg + (given.get(item.id) ?? 0)) }) : item,
    );
    const event = items.every((item) => item.remainingKg === item.quantityKg) ? OfferEvent.RELEASE_ALL : OfferEvent.RELEASE_PART;
    const status = nextOfferStatus(this.state.status, event);
    this.state = { ...this.state, status, items: Object.freeze(items), statusChangedAt: new Date(now.getTime()) };
    // Kilos given back after the pickup window do not reopen the lot: nobody may claim them any more,
    // so it expires at once (its other claims stay collectable) instead of waiting for the expiry job.
    if (canApplyOfferEvent(status, OfferEvent.EXPIRE) && this.expiryReasonAt(now) === 'WINDOW_OVER') this.expire(now);
  }

  /**
   * The offer follows its goods (docs/domain-rules.md, Offers follow their goods): once nothing
   * remains to claim (CLAIMED, EXPIRED, or open but past its window) and none of its claims still
   * waits for collection while at least one was collected, it is COLLECTED. One still open expires
   * first, so the trace says what stayed at the donor's site. `claims` are all the offer's claims as
   * the caller's transaction sees them, with the offer's row held, so two collections at once move
   * it once. Answers whether the offer changed.
   */
  followClaims(claims: readonly ClaimProgress[], now: Date): boolean {
    if (claims.some((claim) => claim.status === ClaimStatus.CONFIRMED) || !claims.some((claim) => claim.collected)) return false;
    const expired = canApplyOfferEvent(this.state.status, OfferEvent.EXPIRE) && this.expiryReasonAt(now) !== null;
    if (expired) this.expire(now);
    if (!canApplyOfferEvent(this.state.status, OfferEvent.COLLECT)) return expired;
    this.state = { ...this.state, status: nextOfferStatus(this.state.status, OfferEvent.COLLECT), statusChangedAt: new Date(now.getTime()) };
    return true;
  }

  pullEvents(): DomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  /** The offer's own events concern what is still at the donor's site: the items' remaining kilos. */
  private record(kind: DomainEventKind, now: Date, actorUserId: string | null, reason: string | null): void {
    this.events.push({
      kind,
      occurredAt: new Date(now.getTime()),
      actorUserId,
      offerId: this.state.id,
      claimId: null,
      from: { organizationId: this.state.donorOrganizationId, siteId: this.state.siteId },
      to: null,
      lines: this.state.items
        .filter((item) => item.remainingKg > 0)
        .map((item) => ({
          itemId: item.id,
          category: item.category,
          gtin: item.gtin,
          lotNumber: item.lotNumber,
          kg: item.remainingKg,
          temperature: item.temperature,
        })),
      reason,
    });
  }
}

/** The pickup window rules of createOffer. */
export function assertPickupWindow(pickupFrom: Date, pickupUntil: Date, now: Date): void {
  if (pickupUntil.getTime() <= pickupFrom.getTime()) {
    throw new DomainError('PICKUP_WINDOW_END_BEFORE_START', 'pickupUntil');
  }
  if (pickupUntil.getTime() <= now.getTime()) throw new DomainError('PICKUP_WINDOW_OVER', 'pickupUntil');
  if (pickupUntil.getTime() - pickupFrom.getTime() > MAX_PICKUP_WINDOW_DAYS * MS_PER_DAY) {
    throw new DomainError('PICKUP_WINDOW_TOO_LONG', 'pickupUntil', { maxDays: MAX_PICKUP_WINDOW_DAYS });
  }
}

function assertNoExpiredDlc(items: readonly OfferItem[], now: Date): void {
  items.forEach((item, index) => {
    if (item.dateKind === DateKind.DLC && item.date !== null && isDlcExpired(item.date, now)) {
      throw new DomainError('DLC_EXPIRED', `items.${index}.date`, { date: item.date });
    }
  });
}

function assertPositiveKg(kg: number, field: string): void {
  if (!Number.isFinite(kg) || roundKg(kg) <= 0) {
    throw new DomainError('INVALID_QUANTITY', field, { max: MAX_ITEM_QUANTITY_KG });
  }
}

/** Throws ILLEGAL_OFFER_TRANSITION before any other check when none of the events applies. */
function assertOneOf(status: OfferStatus, events: readonly OfferEvent[]): void {
  if (!events.some((event) => canApplyOfferEvent(status, event))) nextOfferStatus(status, events[0] ?? OfferEvent.CLAIM_ALL);
}

function copyState(state: OfferSnapshot): OfferSnapshot {
  const copy = (date: Date) => new Date(date.getTime());
  return {
    ...state,
    items: Object.freeze(state.items.map((item) => Object.freeze({ ...item, allergens: Object.freeze([...item.allergens]) }))),
    pickupFrom: copy(state.pickupFrom),
    pickupUntil: copy(state.pickupUntil),
    createdAt: copy(state.createdAt),
    publishedAt: state.publishedAt === null ? null : copy(state.publishedAt),
    statusChangedAt: copy(state.statusChangedAt),
  };
}
