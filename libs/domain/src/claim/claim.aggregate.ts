import { DomainError } from '../errors/domain-error';
import { ClaimStatus, isClaimStatus } from '../shared/claim-status';
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
  /** Why the goods were refused, and what the person added, once REFUSED. */
  readonly refusalReason: RefusalReason | null;
  readonly refusalNote: string | null;
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
   * actually collected, which count from then on (storage, history), and the trace records them.
   */
  collect(kg: number, temperatureC: number | null, at: StopContext): void {
    const status = nextClaimStatus(this.state.status, ClaimEvent.COLLECT);
    this.state = { ...this.state, status, statusChangedAt: new Date(at.now.getTime()), lines: scaledLines(this.state.lines, kg) };
    this.record(DomainEventKind.COLLECTED, at.now, at.actorUserId, null, { temperatureC, stopId: at.stopId });
  }

  /** The recipient took the goods at its site, as weighed. */
  deliver(kg: number, temperatureC: number | null, at: StopContext): void {
    const status = nextClaimStatus(this.state.status, ClaimEvent.DELIVER);
    this.state = { ...this.state, status, statusChangedAt: new Date(at.now.getTime()), lines: scaledLines(this.state.lines, kg) };
    this.record(DomainEventKind.DELIVERED, at.now, at.actorUserId, null, { temperatureC, stopId: at.stopId });
  }

  /** The goods are refused, at collection or at delivery; the reason goes back to the donor. */
  refuse(reason: RefusalReason, note: string | null, temperatureC: number | null, at: StopContext): void {
    const status = nextClaimStatus(this.state.status, ClaimEvent.REFUSE);
    this.state = { ...this.state, status, statusChangedAt: new Date(at.now.getTime()), refusalReason: reason, refusalNote: note };
    this.record(DomainEventKind.REFUSED, at.now, at.actorUserId, note === null ? reason : `${reason}: ${note}`, { temperatureC, stopId: at.stopId, to: null });
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
 * The lines scaled to `kg` in all, in proportion, counted in whole grams (as stored): each line gets
 * its share rounded down, the last one what is left, so the lines add up to exactly `kg`.
 */
export function scaledLines(lines: readonly ClaimLine[], kg: number): readonly ClaimLine[] {
  const grams = (value: number) => Math.round(value * 1000);
  const total = lines.reduce((sum, line) => sum + grams(line.kg), 0);
  if (total <= 0) return lines;
  const wanted = grams(kg);
  let left = wanted;
  return Object.freeze(
    lines.map((line, index) => {
      const share = index === lines.length - 1 ? left : Math.floor((grams(line.kg) * wanted) / total);
      left -= share;
      return Object.freeze({ ...line, kg: share / 1000 });
    }),
  );
}
