import { Injectable } from '@nestjs/common';
import {
  coldChainLimitC,
  DomainError,
  isDomainError,
  Offer,
  OfferStatus,
  parseStopReading,
  StopEventKind,
  StopKind,
  type Claim,
  type RunStop,
  type StopEventRecord,
  type StopReading,
} from '#domain';
import type { Actor } from '../auth/actor';
import { ClaimRepository } from '../claims/claim-repository.port';
import { PickupRepository } from '../claims/pickup-repository.port';
import { OfferRepository, type VersionedOffer } from '../offers/offer-repository.port';
import { Authorizer } from '../organizations/authorizer.service';
import { Clock } from '../ports/clock.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { RunRepository } from './run-repository.port';
import { RUN_COORDINATOR_ROLES } from './run-roles';
import { RunSettings } from './run-settings.port';

export interface RecordStopEventCommand {
  readonly actor: Actor | undefined;
  readonly stopId: string;
  readonly kind: StopEventKind;
  readonly quantityKg?: number | null;
  readonly temperatureC?: number | null;
  readonly note?: string | null;
}

/**
 * The run's driver (or, for them, one of the recipient's coordinators) records what happened at a
 * stop. The reading's shape is checked first (StopReading), then, in one transaction holding the
 * run's row, the offer's (for an outcome at a donor's site, which may change the offer) and the
 * claim's, in that order: the run judges order and quantities (Run.recordStopEvent: a delivery
 * short of what was collected is a partial refusal and needs its reason), the claim follows
 * (collected, delivered, possibly in part, refused, cancelled for a no-show at the donor's), the
 * offer follows its goods (a no-show gives the kilos back; the last collection makes it COLLECTED,
 * Offer.followClaims), and the trace, the live notices and, for a refusal, the donor's e-mail are
 * written with them. Any refusal writes nothing.
 */
@Injectable()
export class RecordStopEvent {
  constructor(
    private readonly runs: RunRepository,
    private readonly claims: ClaimRepository,
    private readonly offers: OfferRepository,
    private readonly pickups: PickupRepository,
    private readonly authorizer: Authorizer,
    private readonly settings: RunSettings,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordStopEventCommand): Promise<{ readonly runId: string; readonly stopId: string }> {
    const actor = command.actor;
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    const reading = parseStopReading(command);
    const found = await this.runs.findByStopId(command.stopId);
    if (found === undefined) throw new DomainError('NOT_FOUND', 'stopId');
    const isDriver = found.driverUserId === actor.userId;
    if (!isDriver && (await this.authorizer.roleFor(actor, found.organizationId, RUN_COORDINATOR_ROLES)) === undefined) {
      throw new DomainError('FORBIDDEN', 'stopId');
    }

    return this.unitOfWork.run(async () => {
      const run = await this.runs.findById(found.id, { forUpdate: true });
      const stop = run?.stops.find((candidate) => candidate.id === command.stopId);
      if (run === undefined || stop === undefined) throw new DomainError('NOT_FOUND', 'stopId');
      const claimBefore = await this.claims.findById(stop.claimId);
      if (claimBefore === undefined) throw new Error(`stop ${stop.id}: claim ${stop.claimId} not found`);
      // Offer before claim, the order every writer locks them in: an outcome at the donor's site may
      // give kilos back (no-show) or end the offer's wait for collection, and two such outcomes for
      // two claims of one offer must see each other (the second one moves the offer, once).
      const changesOffer = stop.kind === StopKind.COLLECT && reading.kind !== StopEventKind.ARRIVED;
      const stored = changesOffer ? await this.offers.findById(claimBefore.offerId, { forUpdate: true }) : undefined;
      const claim = await this.claims.findById(stop.claimId, { forUpdate: true });
      if (claim === undefined) throw new Error(`stop ${stop.id}: claim ${stop.claimId} vanished`);
      const now = this.clock.now();

      const recorded = run.recordStopEvent(
        stop.id,
        reading,
        { kgTolerancePercent: this.settings.kgTolerancePercent, temperatureLimitC: coldChainLimitC(claim.lines) },
        actor.userId,
        now,
      );
      try {
        follow(claim, stop, reading, recorded, { stopId: stop.id, actorUserId: actor.userId, now });
      } catch (error) {
        // The claim was cancelled (or settled) since the run was planned: the stop cannot take this event.
        if (isDomainError(error) && error.code === 'ILLEGAL_CLAIM_TRANSITION') throw new DomainError(error.code, 'stopId', error.params);
        throw error;
      }
      await this.claims.update(claim);
      if (stored !== undefined) await this.followGoods(stored, claim, reading, now);
      if (reading.kind === StopEventKind.NO_SHOW && stop.kind === StopKind.COLLECT) await this.pickups.cancelForClaim(claim.id, now);
      await this.runs.update(run);
      return { runId: run.id, stopId: stop.id };
    });
  }

  /**
   * The offer's side of an outcome at the donor's site, once the claim is written: nobody handed the
   * goods over, so they are the donor's again (on offer if its window is still open); then the offer
   * follows its claims (Offer.followClaims), read with its row held. The offer is written even when
   * nothing changed: its new version tells a writer that read it before, without the lock (the
   * expiry sweep), that the claims it saw are out of date, so that write is refused (CONFLICT).
   */
  private async followGoods(stored: VersionedOffer, claim: Claim, reading: StopReading, now: Date): Promise<void> {
    const offer = Offer.restore(stored.offer.toSnapshot());
    if (reading.kind === StopEventKind.NO_SHOW && offer.status !== OfferStatus.WITHDRAWN) {
      offer.release(
        claim.lines.map((line) => ({ itemId: line.itemId, quantityKg: line.kg })),
        now,
      );
    }
    offer.followClaims(await this.claims.progressOfOffer(offer.id), now);
    await this.offers.update(offer, stored.version);
  }
}

/** The claim's side of a stop event (its state machine decides what may follow what). */
function follow(claim: Claim, stop: RunStop, reading: StopReading, recorded: StopEventRecord, at: { stopId: string; actorUserId: string; now: Date }): void {
  switch (reading.kind) {
    case StopEventKind.ARRIVED:
      claim.recordArrival(at);
      return;
    case StopEventKind.COLLECTED:
      claim.collect(reading.quantityKg ?? 0, reading.temperatureC, at);
      return;
    case StopEventKind.DELIVERED:
      // The run judged the kilos against the collection: refused kilos mean a reason for them.
      claim.deliver(reading.quantityKg ?? 0, reading.temperatureC, at, recorded.refusedKg === null ? null : reading.refusal);
      return;
    case StopEventKind.REFUSED:
      if (reading.refusal === null) throw new Error('a refusal without its reason');
      claim.refuse(reading.refusal.reason, reading.refusal.detail, reading.temperatureC, at);
      return;
    case StopEventKind.NO_SHOW:
      claim.recordNoShow(stop.kind === StopKind.COLLECT ? 'COLLECTION' : 'DELIVERY', at);
      return;
    default: {
      const unknown: never = reading.kind;
      throw new Error(`unknown stop event ${String(unknown)}`);
    }
  }
}
