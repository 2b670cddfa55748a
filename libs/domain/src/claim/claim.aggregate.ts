import { DomainError } from '../errors/domain-error';
import { ClaimStatus, isClaimStatus, type ClaimProgress } from '../shared/claim-status';
import { roundKg } from '../shared/kilograms';
import type { CalendarDay } from '../shared/paris-calendar';
import type { TemperatureClass } from '../shared/temperature-class';
import type { RefusalReason } from '../run/stop-reading.value-object';
import { DomainEventKind, type DomainEvent, type RecordsEvents, type TraceLine, type TraceParty } from '../trace/domain-event';
import { ClaimEvent, nextClaimStatus } from './claim-status.machine';

export const MAX_CANCELLATION_REASON_LENGTH = 500;

/**
 * Who cancels: the recipient that claimed, the donor whose offer it is, the offer's withdrawal, or
 * the driver who found nobody at the donor's site to hand the goods over (NO_SHOW).
 */
export type ClaimCanceller = 'RECIPIENT' | 'DONOR' | 'WITHDRAWAL' | 'NO_SHOW';

/** How much of one item a claim takes, with what a recall needs of the item. */
export type ClaimLine = TraceLine;

/** Everything a claim is, for storage; `Claim.restore` takes it back. */
export interface ClaimSnapshot {
  readonly id: string;
  readonly offerId: string;
  readonly recipientOrganizationId: string;
  readonly createdBy: string | null;
  readonly status: ClaimStatus;
  /** The Paris day the goods arrive: capacity is declared per temperature class per day. */
  readonly pickupDay: CalendarDay;
  readonly lines: readonly ClaimLine[];
  readonly from: TraceParty;
  readonly to: TraceParty;
  readonly createdAt: Date;
  readonly statusChangedAt: Date;
  readonly cancelledBy: ClaimCanceller | null;
  readonly cancellationReason: string | null;
  /**
   * Why goods were refused, what the person added, and how many kilos: all of them once REFUSED,
   * the part the recipient did not accept when DELIVERED after a partial refusal; null otherwise.
   */
  readonly refusalReason: RefusalReason | null;
  readonly refusalNote: string | null;
  readonly refusedKg: number | null;
  /** When the goods left the donor's site (null before, and for goods refused or cancelled there). */
  readonly collectedAt: Date | null;
}

/** Why goods were refused (a stop event's reason) and what the person added. */
export interface Refusal {
  readonly reason: RefusalReason;
  readonly detail: string | null;
}

/** Where a stop event happened, for the trace: the run's stop. */
export interface StopContext {
  readonly stopId: string;
  readonly actorUserId: string;
  readonly now: Date;
}

export interface NewClaimInput {
  readonly id: string;
  readonly offerId: string;
  readonly recipientOrganizationId: string;
  readonly createdBy: string;
  readonly pickupDay: CalendarDay;
  readonly lines: readonly ClaimLine[];
  /** The donor's site the goods leave from, and the recipient's site they go to. */
  readonly from: TraceParty;
  readonly to: TraceParty;
}

/**
 * A recipient's claim on part of an offer. The offer guards what remains of its items; the claim
 * guards its own lifecycle (claim-status.machine) and records what happened to the goods as domain
 * events, which the persistence layer writes as trace records in the same transaction.
 */
export class Claim implements RecordsEvents {
  private events: DomainEvent[] = [];

  private constructor(private state: ClaimSnapshot) {}

  /** A CONFIRMED claim; the offer has already taken these kilos out of what remains. */
  static confirm(input: NewClaimInput, now: Date): Claim {
    if (input.lines.length === 0) throw new DomainError('CLAIM_WITHOUT_LINES', 'lines');
    const seen = new Set<string>();
    input.lines.forEach((line, index) => {
      if (seen.has(line.itemId)) throw new DomainError('DUPLICATE_CLAIM_ITEM', `lines.${index}.itemId`);
      seen.add(line.itemId);
      if (!(Number.isFinite(line.kg) && roundKg(line.kg) > 0)) throw new DomainError('INVALID_QUANTITY', `lines.${index}.quantityKg`);
    });
    const claim = new Claim({
      ...input,
      lines: Object.freeze(input.lines.map((line) => Object.freeze({ ...line, kg: roundKg(line.kg) }))),
      status: ClaimStatus.CONFIRMED,
      createdAt: new Date(now.getTime()),
      statusChangedAt: new Date(now.getTime()),
      cancelledBy: null,
      cancellationReason: null,
      refusalReason: null,
      refusalNote: null,
      refusedKg: null,
      collectedAt: null,
    });
    claim.record(DomainEventKind.CLAIMED, now, input.createdBy, null);
    return claim;
  }

  /** Back from storage; a broken snapshot is corrupt data, hence a plain Error. */
  static restore(snapshot: ClaimSnapshot): Claim {
    if (!isClaimStatus(snapshot.status)) throw new Error(`Claim ${snapshot.id}: unknown status ${String(snapshot.status)}`);
    if (snapshot.lines.length === 0) throw new Error(`Claim ${snapshot.id}: no lines`);
    return new Claim({ ...snapshot, lines: Object.freeze([...snapshot.lines]) });
  }

  get id(): string {
    return this.state.id;
  }
  get offerId(): string {
    return this.state.offerId;
  }
  get recipientOrganizationId(): string {
    return this.state.recipientOrganizationId;
  }
  get status(): ClaimStatus {
    return this.state.status;
  }
  get pickupDay(): CalendarDay {
    return this.state.pickupDay;
  }
  get lines(): readonly ClaimLine[] {
    return this.state.lines;
  }
  get totalKg(): number {
    return roundKg(this.state.lines.reduce((sum, line) => sum + line.kg, 0));
  }
  get createdAt(): Date {
    return new Date(this.state.createdAt.getTime());
  }
  /** Goods refused, all of them (REFUSED) or the part not accepted at delivery (DELIVERED): how many kilos, and why. */
  get refusal(): (Refusal & { readonly kg: number }) | null {
    const { refusalReason, refusalNote, refusedKg } = this.state;
    return refusalReason === null || refusedKg === null ? null : { reason: refusalReason, detail: refusalNote, kg: refusedKg };
  }
  /** What the offer needs to know to follow its goods (Offer.followClaims). */
  get progress(): ClaimProgress {
    return { status: this.state.status, collected: this.state.collectedAt !== null };
  }

  /** Kg per temperature class: what the claim takes of the recipient's storage that day. */
  kgByTemperature(): ReadonlyMap<TemperatureClass, number> {
    const byClass = new Map<TemperatureClass, number>();
    for (const line of this.state.lines) byClass.set(line.temperature, roundKg((byClass.get(line.temperature) ?? 0) + line.kg));
    return byClass;
  }

  toSnapshot(): ClaimSnapshot {
    return { ...this.state, lines: [...this.state.lines] };
  }

  /**
   * Before collection only. The donor must say why (the recipient is told); the recipient may.
   * The caller gives the kilos back to the offer (Offer.release) in the same transaction.
   */
  cancel(by: ClaimCanceller, reason: string | null, actorUserId: string | null, now: Date): void {
    const trimmed = reason?.trim() ?? '';
    if ([...trimmed].length > MAX_CANCELLATION_REASON_LENGTH) {
      throw new DomainError('CANCELLATION_REASON_REQUIRED', 'reason', { max: MAX_CANCELLATION_REASON_LENGTH });
    }
    if (by !== 'RECIPIENT' && trimmed === '') throw new DomainError('CANCELLATION_REASON_REQUIRED', 'reason', { max: MAX_CANCELLATION_REASON_LENGTH });
    const status = nextClaimStatus(this.state.status, ClaimEvent.CANCEL);
    this.state = {
      ...this.state,
      status,
      statusChangedAt: new Date(now.getTime()),
      cancelledBy: by,
      cancellationReason: trimmed === '' ? null : trimmed,
    };
    this.record(DomainEventKind.CLAIM_CANCELLED, now, actorUserId, this.state.cancellationReason);
  }

  /** The driver reached the claim's collection or delivery stop: a trace record, nothing moves. */
  recordArrival(at: StopContext): void {
    this.record(DomainEventKind.STOP_ARRIVED, at.now, at.actorUserId, null, { lines: [], stopId: at.stopId });
  }

  /**
   * The driver took the goods at the donor's site, as weighed: the lines are scaled to the kilos
   * actually collected (scaledLines), which count from then on (storage, history), and the trace records them.
   */
  collect(kg: number, temperatureC: number | null, at: StopContext): void {
    const status = nextClaimStatus(this.state.status, ClaimEvent.COLLECT);
    const now = new Date(at.now.getTime());
    this.state = { ...this.state, status, statusChangedAt: now, collectedAt: now, lines: scaledLines(this.state.lines, kg) };
    this.record(DomainEventKind.COLLECTED, at.now, at.actorUserId, null, { temperatureC, stopId: at.stopId });
  }

  /**
   * The recipient took the goods at its site, as weighed. With a refusal it accepted only `kg` of
   * what was collected (docs/domain-rules.md, Refusal): the lines become the kilos accepted, which
   * count from then on (storage, history, receipts), and the rest, line by line, is traced as
   * refused, with its reason, in the same change; the run has judged that `kg` is below what was
   * collected exactly when there is a refusal (Run.recordStopEvent), so anything else is a bug.
   */
  deliver(kg: number, temperatureC: number | null, at: StopContext, refusal: Refusal | null = null): void {
    const status = nextClaimStatus(this.state.status, ClaimEvent.DELIVER);
    const collected = this.state.lines;
    const accepted = scaledLines(collected, kg);
    const refused = refusedLines(collected, accepted);
    if ((refusal === null) !== (refused.length === 0)) {
      throw new Error(
        `Claim ${this.state.id}: ${kg} kg delivered of ${this.totalKg} kg collected, refusal ${refusal === null ? 'missing' : 'without a shortfall'}`,
      );
    }
    this.state = { ...this.state, status, statusChangedAt: new Date(at.now.getTime()), lines: accepted };
    this.record(DomainEventKind.DELIVERED, at.now, at.actorUserId, null, { temperatureC, stopId: at.stopId });
    if (refusal === null) return;
    const refusedKg = roundKg(refused.reduce((sum, line) => sum + line.kg, 0));
    this.state = { ...this.state, refusalReason: refusal.reason, refusalNote: refusal.detail, refusedKg };
    this.record(DomainEventKind.REFUSED, at.now, at.actorUserId, refusalText(refusal), { lines: refused, temperatureC, stopId: at.stopId, to: null });
  }

  /** All the goods are refused, at collection or at delivery; the reason goes back to the donor. */
  refuse(reason: RefusalReason, note: string | null, temperatureC: number | null, at: StopContext): void {
    const status = nextClaimStatus(this.state.status, ClaimEvent.REFUSE);
    this.state = {
      ...this.state,
      status,
      statusChangedAt: new Date(at.now.getTime()),
      refusalReason: reason,
      refusalNote: note,
      refusedKg: this.totalKg,
    };
    this.record(DomainEventKind.REFUSED, at.now, at.actorUserId, refusalText({ reason, detail: note }), { temperatureC, stopId: at.stopId, to: null });
  }

  /**
   * Nobody at a stop. At collection the goods never leave the donor: the claim is cancelled (the
   * caller gives its kilos back to the offer). At delivery the goods stay with the driver: recorded.
   */
  recordNoShow(stage: 'COLLECTION' | 'DELIVERY', at: StopContext): void {
    if (stage === 'COLLECTION') {
      const status = nextClaimStatus(this.state.status, ClaimEvent.CANCEL);
      this.state = { ...this.state, status, statusChangedAt: new Date(at.now.getTime()), cancelledBy: 'NO_SHOW', cancellationReason: null };
      this.record(DomainEventKind.NO_SHOW, at.now, at.actorUserId, null, { stopId: at.stopId, to: null });
      return;
    }
    if (this.state.status !== ClaimStatus.COLLECTED) {
      throw new DomainError('ILLEGAL_CLAIM_TRANSITION', undefined, { from: this.state.status, event: 'NO_SHOW' });
    }
    this.record(DomainEventKind.NO_SHOW, at.now, at.actorUserId, null, { lines: [], stopId: at.stopId });
  }

  pullEvents(): DomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private record(
    kind: DomainEventKind,
    now: Date,
    actorUserId: string | null,
    reason: string | null,
    extra: { readonly lines?: readonly TraceLine[]; readonly to?: TraceParty | null; readonly temperatureC?: number | null; readonly stopId?: string } = {},
  ): void {
    this.events.push({
      kind,
      occurredAt: new Date(now.getTime()),
      actorUserId,
      offerId: this.state.offerId,
      claimId: this.state.id,
      from: this.state.from,
      to: extra.to === undefined ? this.state.to : extra.to,
      lines: extra.lines ?? this.state.lines,
      reason,
      temperatureC: extra.temperatureC ?? null,
      stopId: extra.stopId ?? null,
    });
  }
}

/**
 * The one rule for spreading kilos weighed once over a claim's lines (a stop's goods are weighed
 * together, not item by item): each line gets its share in proportion to what it held, in whole
 * grams (as stored) rounded down, and the grams this leaves go one each to the lines with the
 * largest remainders (the earlier line first on a tie). So the lines add up to exactly `kg`, each
 * is within a gram of its exact share, and scaling down never gives a line more than it held, which
 * is what lets a partial refusal take the difference line by line (refusedLines).
 */
export function scaledLines(lines: readonly ClaimLine[], kg: number): readonly ClaimLine[] {
  // In BigInt: grams × grams exceeds what a double holds exactly for the largest lots.
  const held = lines.map((line) => BigInt(toGrams(line.kg)));
  const total = held.reduce((sum, grams) => sum + grams, 0n);
  if (total <= 0n) return lines;
  const wanted = BigInt(toGrams(kg));
  const shares = held.map((grams) => (grams * wanted) / total);
  const remainders = held.map((grams) => (grams * wanted) % total);
  let leftOver = wanted - shares.reduce((sum, grams) => sum + grams, 0n);
  const byRemainder = lines.map((_, index) => index).sort((a, b) => compareDescending(remainders[a] ?? 0n, remainders[b] ?? 0n) || a - b);
  for (const index of byRemainder) {
    if (leftOver <= 0n) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    leftOver -= 1n;
  }
  return Object.freeze(lines.map((line, index) => Object.freeze({ ...line, kg: Number(shares[index] ?? 0n) / 1000 })));
}

/** What was collected and not accepted, line by line (lines with nothing refused left out). */
export function refusedLines(collected: readonly ClaimLine[], accepted: readonly ClaimLine[]): readonly ClaimLine[] {
  return Object.freeze(
    collected.flatMap((line, index) => {
      const grams = toGrams(line.kg) - toGrams(accepted[index]?.kg ?? 0);
      return grams > 0 ? [Object.freeze({ ...line, kg: grams / 1000 })] : [];
    }),
  );
}

/** A refusal as the trace and the stop's note write it: `REASON` or `REASON: detail`. */
export function refusalText(refusal: Refusal): string {
  return refusal.detail === null ? refusal.reason : `${refusal.reason}: ${refusal.detail}`;
}

function toGrams(kg: number): number {
  return Math.round(kg * 1000);
}

function compareDescending(a: bigint, b: bigint): number {
  return a === b ? 0 : a > b ? -1 : 1;
}
