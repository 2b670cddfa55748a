import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Claim,
  DomainError,
  isDomainError,
  MAX_ITEM_QUANTITY_KG,
  MemberRole,
  Offer,
  OfferStatus,
  parseIdempotencyKey,
  planPickup,
  roundKg,
  TEMPERATURE_CLASSES,
  type ClaimLineRequest,
  type IdempotencyKey,
  type TemperatureClass,
} from '#domain';
import type { Actor } from '../auth/actor';
import { MatchCandidateFinder } from '../matching/match-candidate-finder.port';
import { OfferRepository, type OfferClaim } from '../offers/offer-repository.port';
import { Authorizer } from '../organizations/authorizer.service';
import { assertMayClaim } from '../organizations/claim-eligibility.policy';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { Clock } from '../ports/clock.port';
import { JobOutbox } from '../ports/job-outbox.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { assessClaimEligibility, type ClaimEligibility } from './claim-eligibility';
import { ClaimRepository, type IdempotencyRecord } from './claim-repository.port';
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
 * A recipient's admin or staff claims kilos of an offer. In two steps:
 *
 * 1. Without locks: the request's shape, the caller's membership, the recipient's habilitation and
 *    the matching engine's verdict for this recipient and this lot (the same engine as
 *    offerMatches), which also fixes the site, the pickup day and the delivery window.
 * 2. In one short transaction, correct across API instances: the idempotency key is taken (a
 *    duplicate waits here for the first, then answers with its claim), the offer's row is locked
 *    (claims on one offer go one at a time; the aggregate refuses more than remains), then the
 *    recipient's storage for that day and those classes (an advisory lock, then the sum of the
 *    claims that hold goods against what it declared). The claim, its trace, its pickup and the
 *    pickup's planning job are written before commit, or nothing is.
 *
 * Round trips to the database are what a claim costs most, so step 1 reads side by side and step 2
 * sends all its writes as one statement at commit (UnitOfWork's writesAtCommit).
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
    await this.authorizer.assertActsFor(actor, command.organizationId, CLAIMER_ROLES);
    const fingerprint = fingerprintOf(command.offerId, command.organizationId, requested);

    try {
      const eligibility = await this.assess(command.offerId, command.organizationId);
      // Everything is read before anything is written: the writes go together at commit.
      return await this.unitOfWork.run(() => this.claimLocked(actor, key, fingerprint, command, requested, eligibility), { writesAtCommit: true });
    } catch (error) {
      // A repeated request answers with the first claim, whatever the lot has become since (that
      // claim may have taken its last kilos). Looked up on refusal only: when the lot is still
      // open, the key taken under lock finds the first claim anyway.
      if (isDomainError(error)) {
        const first = await this.claims.findIdempotencyKey(actor.userId, key);
        if (first !== undefined) return this.replay(first, fingerprint);
      }
      throw error;
    }
  }

  /**
   * The offer and the recipient's sites in reach, read side by side. A recipient that gets no site
   * back is first checked for what it is (a verified recipient), so that refusal comes first.
   */
  private async assess(offerId: string, organizationId: string): Promise<ClaimEligibility> {
    const [offer, sites] = await Promise.all([this.finder.findOffer(offerId), this.finder.recipientSitesForOffer(offerId, organizationId)]);
    if (sites.length === 0) {
      const organization = await this.organizations.findById(organizationId);
      if (organization === undefined) throw new DomainError('FORBIDDEN');
      assertMayClaim(organization);
    }
    if (offer === undefined) throw new DomainError('NOT_FOUND', 'offerId');
    const now = this.clock.now();
    assertClaimable(offer.status, offer.pickupUntil, now);
    return assessClaimEligibility(offer, sites, now);
  }

  private async claimLocked(
    actor: Actor,
    key: IdempotencyKey,
    fingerprint: string,
    command: ClaimOfferCommand,
    requested: readonly ClaimLineRequest[] | null,
    eligibility: ClaimEligibility,
  ): Promise<OfferClaim> {
    const claimId = randomUUID();
    const reservation = await this.claims.reserveIdempotencyKey(actor.userId, key, fingerprint, claimId);
    if (reservation !== 'reserved') return this.replay(reservation, fingerprint);

    const stored = await this.offers.findById(command.offerId, { forUpdate: true });
    if (stored === undefined) throw new DomainError('NOT_FOUND', 'offerId');
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
    await this.assertCapacity(claim, eligibility, requested === null);

    await this.offers.update(offer, stored.version);
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

  /** Under the recipient's capacity lock for that day: what holds goods plus this claim stays within what it declared. */
  private async assertCapacity(claim: Claim, eligibility: ClaimEligibility, everything: boolean): Promise<void> {
    const wanted = claim.kgByTemperature();
    const classes = TEMPERATURE_CLASSES.filter((temperature) => wanted.has(temperature));
    await this.claims.lockCapacity(claim.recipientOrganizationId, claim.pickupDay, classes);
    const held = await this.claims.kgHeld(claim.recipientOrganizationId, claim.pickupDay);
    for (const temperature of classes) {
      const free = roundKg(Math.max(0, (eligibility.dailyCapacityKg[temperature] ?? 0) - (held.get(temperature) ?? 0)));
      if (roundKg(wanted.get(temperature) ?? 0) > free) {
        throw new DomainError('CAPACITY_EXCEEDED', everything ? 'lines' : lineField(claim, temperature), {
          temperature,
          freeKg: free,
          day: claim.pickupDay,
        });
      }
    }
  }

  private async replay(record: IdempotencyRecord, fingerprint: string): Promise<OfferClaim> {
    if (record.fingerprint !== fingerprint) throw new DomainError('IDEMPOTENCY_KEY_REUSED', 'idempotencyKey');
    const [view] = await this.claims.views([record.claimId]);
    if (view === undefined) throw new Error(`idempotency key points to claim ${record.claimId}, which is gone`);
    return view;
  }
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
  if (status !== OfferStatus.PUBLISHED && status !== OfferStatus.PARTIALLY_CLAIMED) throw new DomainError('OFFER_NOT_OPEN', 'offerId', { status });
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
  };
}
