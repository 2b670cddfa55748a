import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Claim,
  DomainError,
  isDomainError,
  isOpenToClaims,
  MAX_ITEM_QUANTITY_KG,
  MemberRole,
  Offer,
  OfferStatus,
  parseIdempotencyKey,
  planPickup,
  roundKg,
  TEMPERATURE_CLASSES,
  TemperatureClass,
  type ClaimLineRequest,
  type IdempotencyKey,
} from '#domain';
import type { Actor } from '../auth/actor';
import { MatchCandidateFinder, type MatchingOffer, type SiteCandidate } from '../matching/match-candidate-finder.port';
import { OfferRepository, type OfferClaim, type VersionedOffer } from '../offers/offer-repository.port';
import { Authorizer } from '../organizations/authorizer.service';
import { assertMayClaim } from '../organizations/claim-eligibility.policy';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { Clock } from '../ports/clock.port';
import { JobOutbox } from '../ports/job-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { assessClaimEligibility, type ClaimEligibility } from './claim-eligibility';
import { ClaimRepository, IdempotencyKeyTaken, type IdempotencyRecord } from './claim-repository.port';
import { PickupRepository } from './pickup-repository.port';

/** Those who claim for a recipient; drivers carry what was claimed, they do not claim. */
export const CLAIMER_ROLES = [MemberRole.ADMIN, MemberRole.STAFF] as const;

export interface ClaimOfferCommand {
  readonly actor: Actor | undefined;
  readonly offerId: string;
  readonly organizationId: string;
  /** Without lines, the claim takes everything that remains of what the recipient may receive. */
  readonly lines?: readonly ClaimLineRequest[] | null;
  readonly idempotencyKey: string;
}

/**
 * A recipient's admin or staff claims kilos of an offer:
 *
 * 1. Read side by side, without locks: the caller's membership, the offer, and the recipient's sites
 *    in reach. The request's shape, the recipient's habilitation and the matching engine's verdict
 *    for this recipient and this lot (the same engine as offerMatches) follow; the verdict also
 *    fixes the site, the pickup day and the delivery window.
 * 2. The claim is decided on what was read and written as one statement, correct across API
 *    instances, all or nothing: the offer is updated only if nobody changed it since it was read (its
 *    version), the idempotency key is taken (a duplicate waits for the first, then answers with its
 *    claim), the recipient's storage for that day and those classes is checked under its lock
 *    (ClaimRepository.guardCapacity), then the claim, its trace, its pickup and the pickup's planning
 *    job are written.
 * 3. When somebody changed the offer in between (another claim on it, most often), step 2 runs again
 *    inside a transaction that holds the offer's row lock: claims on one offer then go one at a
 *    time, and the aggregate refuses more than remains.
 *
 * A claim on an offer nobody else is claiming makes four statements (three reads side by side, one
 * write) and no transaction.
 */
@Injectable()
export class ClaimOffer {
  constructor(
    private readonly authorizer: Authorizer,
    private readonly organizations: OrganizationRepository,
    private readonly finder: MatchCandidateFinder,
    private readonly offers: OfferRepository,
    private readonly claims: ClaimRepository,
    private readonly pickups: PickupRepository,
    private readonly outbox: JobOutbox,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ClaimOfferCommand): Promise<OfferClaim> {
    const actor = command.actor;
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    const key = parseIdempotencyKey(command.idempotencyKey);
    const requested = command.lines === undefined || command.lines === null ? null : validateLines(command.lines);
    const fingerprint = fingerprintOf(command.offerId, command.organizationId, requested);
    const [membership, offerRead, sitesRead] = await Promise.allSettled([
      this.authorizer.assertActsFor(actor, command.organizationId, CLAIMER_ROLES),
      this.offers.findById(command.offerId),
      this.finder.recipientSitesForOffer(command.offerId, command.organizationId),
    ]);
    // Who may claim is answered first, whatever the reads found.
    if (membership.status === 'rejected') throw membership.reason;
    const request: ClaimRequest = { actor, key, fingerprint, command, requested };

    try {
      const stored = settled(offerRead);
      const eligibility = await this.assess(command.organizationId, stored, settled(sitesRead));
      try {
        return await this.unitOfWork.run(() => this.claim(request, stored, eligibility), { optimistic: true });
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'CONFLICT') throw error;
      }
      return await this.unitOfWork.run(
        async () => {
          const locked = await this.offers.findById(command.offerId, { forUpdate: true });
          return this.claim(request, locked, eligibility);
        },
        { writesAtCommit: true },
      );
    } catch (error) {
      const refusal = error instanceof CapacityShortfall ? await this.capacityRefusal(error) : error;
      // A repeated request answers with the first claim, whatever the lot has become since (that
      // claim may have taken its last kilos). Looked up on refusal only: when the lot is still
      // open, taking the key finds the first claim anyway.
      if (isDomainError(refusal) || refusal instanceof IdempotencyKeyTaken) {
        const first = await this.claims.findIdempotencyKey(actor.userId, key);
        if (first !== undefined) return this.replay(first, fingerprint);
      }
      throw refusal;
    }
  }

  /**
   * The offer and the recipient's sites in reach, as read. A recipient that got no site back is
   * first checked for what it is (a verified recipient), so that refusal comes first.
   */
  private async assess(organizationId: string, stored: VersionedOffer | undefined, sites: readonly SiteCandidate[]): Promise<ClaimEligibility> {
    if (sites.length === 0) {
      const organization = await this.organizations.findById(organizationId);
      if (organization === undefined) throw new DomainError('FORBIDDEN');
      assertMayClaim(organization);
    }
    if (stored === undefined) throw new DomainError('NOT_FOUND', 'offerId');
    const now = this.clock.now();
    assertClaimable(stored.offer.status, stored.offer.pickupUntil, now);
    return assessClaimEligibility(matchingOfferOf(stored.offer), sites, now);
  }

  /** Decides the claim on the offer as given (read before, or under its lock) and queues its writes. */
  private async claim(request: ClaimRequest, stored: VersionedOffer | undefined, eligibility: ClaimEligibility): Promise<OfferClaim> {
    const { actor, command, requested } = request;
    if (stored === undefined) throw new DomainError('NOT_FOUND', 'offerId');
    const claimId = randomUUID();
    const now = this.clock.now();
    assertClaimable(stored.offer.status, stored.offer.pickupUntil, now);
    const offer = Offer.restore(stored.offer.toSnapshot());
    const lines = requested ?? everythingLeft(offer, eligibility);
    lines.forEach((line, index) => {
      const item = offer.item(line.itemId);
      if (item === undefined) throw new DomainError('UNKNOWN_OFFER_ITEM', `lines.${index}.itemId`);
      if (!eligibility.eligibleItemIds.has(line.itemId)) throw new DomainError('ITEM_NOT_ELIGIBLE', `lines.${index}.itemId`);
    });
    offer.claim(lines, { now, dlcMarginHours: eligibility.dlcMarginHours });

    const claim = Claim.confirm(
      {
        id: claimId,
        offerId: offer.id,
        recipientOrganizationId: command.organizationId,
        createdBy: actor.userId,
        pickupDay: eligibility.pickupDay,
        lines: lines.map((line) => {
          const item = offer.item(line.itemId);
          if (item === undefined) throw new Error(`item ${line.itemId} vanished from offer ${offer.id}`);
          return { itemId: item.id, category: item.category, gtin: item.gtin, lotNumber: item.lotNumber, kg: line.quantityKg, temperature: item.temperature };
        }),
        from: { organizationId: offer.donorOrganizationId, siteId: offer.siteId },
        to: { organizationId: command.organizationId, siteId: eligibility.siteId },
      },
      now,
    );

    // Locks in one order whatever the path: the offer's row (read locked, or written at its
    // version), then the idempotency key, then the recipient's storage. A duplicate request that
    // took the key first would otherwise wait for the offer while the other waits for the key.
    await this.offers.update(offer, stored.version);
    await this.claims.takeIdempotencyKey(actor.userId, request.key, request.fingerprint, claimId);
    await this.claims.guardCapacity(
      {
        recipientOrganizationId: claim.recipientOrganizationId,
        day: claim.pickupDay,
        wantedKg: new Map([...claim.kgByTemperature()].map(([temperature, kg]) => [temperature, roundKg(kg)])),
        declaredKg: eligibility.dailyCapacityKg,
      },
      () => new CapacityShortfall(claim, eligibility, requested === null),
    );
    await this.claims.add(claim);
    const pickup = planPickup({
      id: randomUUID(),
      claim,
      collectFrom: offer.pickupFrom,
      collectUntil: offer.pickupUntil,
      receiving: eligibility.receiving,
    });
    await this.pickups.add(pickup);
    await this.outbox.add('claims.plan-pickup', { pickupId: pickup.id }, { jobId: `plan-pickup-${pickup.id}` });
    return viewOf(claim);
  }

  /** The refusal a storage shortfall gets: the first class that does not fit, and how much room it has left now. */
  private async capacityRefusal({ claim, eligibility, everything }: CapacityShortfall): Promise<DomainError> {
    const wanted = claim.kgByTemperature();
    const held = await this.claims.kgHeld(claim.recipientOrganizationId, claim.pickupDay);
    const classes = TEMPERATURE_CLASSES.filter((temperature) => wanted.has(temperature));
    const free = (temperature: TemperatureClass) => roundKg(Math.max(0, (eligibility.dailyCapacityKg[temperature] ?? 0) - (held.get(temperature) ?? 0)));
    const short = classes.find((temperature) => roundKg(wanted.get(temperature) ?? 0) > free(temperature)) ?? classes[0] ?? TemperatureClass.AMBIENT;
    return new DomainError('CAPACITY_EXCEEDED', everything ? 'lines' : lineField(claim, short), {
      temperature: short,
      freeKg: free(short),
      day: claim.pickupDay,
    });
  }

  private async replay(record: IdempotencyRecord, fingerprint: string): Promise<OfferClaim> {
    if (record.fingerprint !== fingerprint) throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'idempotencyKey');
    const [view] = await this.claims.views([record.claimId]);
    if (view === undefined) throw new Error(`idempotency key points to claim ${record.claimId}, which is gone`);
    return view;
  }
}

interface ClaimRequest {
  readonly actor: Actor;
  readonly key: IdempotencyKey;
  readonly fingerprint: string;
  readonly command: ClaimOfferCommand;
  readonly requested: readonly ClaimLineRequest[] | null;
}

/** The recipient's storage could not take the claim (ClaimRepository.guardCapacity); nothing was written. */
class CapacityShortfall extends Error {
  constructor(
    readonly claim: Claim,
    readonly eligibility: ClaimEligibility,
    readonly everything: boolean,
  ) {
    super('capacity shortfall');
  }
}

function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/** The offer as the matching engine takes it. */
function matchingOfferOf(offer: Offer): MatchingOffer {
  return {
    id: offer.id,
    donorOrganizationId: offer.donorOrganizationId,
    siteId: offer.siteId,
    status: offer.status,
    pickupFrom: offer.pickupFrom,
    pickupUntil: offer.pickupUntil,
    items: offer.items.map((item) => ({
      id: item.id,
      categoryCode: item.category,
      remainingKg: item.remainingKg,
      temperature: item.temperature,
      dateKind: item.dateKind,
      date: item.date,
    })),
  };
}

/** Shape only, before anything is read: positive kilos, each item once. */
function validateLines(lines: readonly ClaimLineRequest[]): readonly ClaimLineRequest[] {
  if (lines.length === 0) throw new DomainError('CLAIM_WITHOUT_LINES', 'lines');
  const seen = new Set<string>();
  return lines.map((line, index) => {
    const itemId = line.itemId.toLowerCase();
    if (seen.has(itemId)) throw new DomainError('DUPLICATE_CLAIM_ITEM', `lines.${index}.itemId`);
    seen.add(itemId);
    if (!Number.isFinite(line.quantityKg) || roundKg(line.quantityKg) <= 0)
      throw new DomainError('INVALID_QUANTITY', `lines.${index}.quantityKg`, { max: MAX_ITEM_QUANTITY_KG });
    return { itemId, quantityKg: roundKg(line.quantityKg) };
  });
}

/** The status rules a claim checks first, so each refusal says what is wrong with the offer. */
function assertClaimable(status: OfferStatus, pickupUntil: Date, now: Date): void {
  if (status === OfferStatus.CLAIMED) throw new DomainError('ALREADY_CLAIMED', 'offerId');
  if (!isOpenToClaims(status)) throw new DomainError('OFFER_NOT_OPEN', 'offerId', { status });
  if (pickupUntil.getTime() <= now.getTime()) throw new DomainError('PICKUP_WINDOW_OVER', 'offerId');
}

/** "Everything": what remains now of each item the recipient may receive. */
function everythingLeft(offer: Offer, eligibility: ClaimEligibility): ClaimLineRequest[] {
  const lines = offer.items
    .filter((item) => eligibility.eligibleItemIds.has(item.id) && item.remainingKg > 0)
    .map((item) => ({ itemId: item.id, quantityKg: item.remainingKg }));
  if (lines.length === 0) throw new DomainError('ALREADY_CLAIMED', 'offerId');
  return lines;
}

function lineField(claim: Claim, temperature: TemperatureClass): string {
  const index = claim.lines.findIndex((line) => line.temperature === temperature);
  return index < 0 ? 'lines' : `lines.${index}.quantityKg`;
}

/** The same request gives the same fingerprint: ids in lower case, lines as sent (order included). */
function fingerprintOf(offerId: string, organizationId: string, lines: readonly ClaimLineRequest[] | null): string {
  const canonical = JSON.stringify([offerId.toLowerCase(), organizationId.toLowerCase(), lines?.map((line) => [line.itemId, line.quantityKg]) ?? null]);
  return createHash('sha256').update(canonical).digest('base64url');
}

export function viewOf(claim: Claim): OfferClaim {
  return {
    id: claim.id,
    offerId: claim.offerId,
    recipientOrganizationId: claim.recipientOrganizationId,
    status: claim.status,
    pickupDay: claim.pickupDay,
    totalKg: claim.totalKg,
    createdAt: claim.createdAt,
    lines: claim.lines.map((line) => ({ itemId: line.itemId, quantityKg: line.kg, temperature: line.temperature })),
    refusal: claim.refusal,
  };
}
