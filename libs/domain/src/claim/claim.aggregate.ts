import { DomainError } from '../errors/domain-error';
import { ClaimStatus, isClaimStatus } from '../shared/claim-status';
import { roundKg } from '../shared/kilograms';
import type { CalendarDay } from '../shared/paris-calendar';
import type { TemperatureClass } from '../shared/temperature-class';
import { DomainEventKind, type DomainEvent, type RecordsEvents, type TraceLine, type TraceParty } from '../trace/domain-event';
import { ClaimEvent, nextClaimStatus } from './claim-status.machine';

export const MAX_CANCELLATION_REASON_LENGTH = 500;

/** Who cancels: the recipient that claimed, the donor whose offer it is, or the offer's withdrawal. */
export type ClaimCanceller = 'RECIPIENT' | 'DONOR' | 'WITHDRAWAL';

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

  pullEvents(): DomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private record(kind: DomainEventKind, now: Date, actorUserId: string | null, reason: string | null): void {
    this.events.push({
      kind,
      occurredAt: new Date(now.getTime()),
      actorUserId,
      offerId: this.state.offerId,
      claimId: this.state.id,
      from: this.state.from,
      to: this.state.to,
      lines: this.state.lines,
      reason,
    });
  }
}
