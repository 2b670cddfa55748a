import { DateKind, dlcEnd, dlcHoursLeftAt, isDlcExpired, roundKg, TEMPERATURE_CLASSES, type CalendarDay, type TemperatureClass } from '#domain';
import {
  DEFAULT_DISTANCE_COST_PER_KG_KM,
  perishabilityWeight,
  urgencyHoursLeft,
  type AllocationItem,
  type AllocationProblem,
  type AllocationRecipient as ProblemRecipient,
  type AllocationResult,
} from '#matching';
import { ReceivingWindowResolver } from '../matching/matching-context.builder';
import type { AllocationCandidates, AllocationSiteDistance } from './allocation-candidate-source.port';
import type { AllocationFigures, ProposedClaim } from './allocation-proposal.model';

export interface BuiltAllocationProblem {
  readonly problem: AllocationProblem;
  /** Offer id of each item id of the problem. */
  readonly offerOfItem: ReadonlyMap<string, string>;
  readonly offerCount: number;
}

/**
 * Turns what was loaded for one area and day into the allocator's problem, with the rules the
 * allocator does not know about folded into its distance matrix: a recipient gets an offer's items
 * only through a site that receives goods during the pickup window, with the pickup falling on
 * `day` (the day its capacity is counted for) and no closure that day. A pair failing that gets an
 * infinite distance, which the allocator reads as out of radius. The distance kept is that of the
 * nearest such site, measured by PostGIS.
 *
 * DLC items already expired at `now` are left out; the DLC margin of each recipient is the
 * allocator's own rule (dlcHoursAfterPickup against dlcMarginHours, judged at the end of the window
 * as #domain's dateRuleVerdict does). Free capacity is the declared one minus what was already
 * claimed for the day.
 */
export function buildAllocationProblem(candidates: AllocationCandidates, day: CalendarDay, now: Date): BuiltAllocationProblem {
  const recipientIndex = new Map<string, number>();
  const recipients: ProblemRecipient[] = [];
  for (const recipient of candidates.recipients) {
    const firstSite = recipient.sites[0];
    if (firstSite === undefined) continue;
    recipientIndex.set(recipient.organizationId, recipients.length);
    const capacityKg: Partial<Record<TemperatureClass, number>> = {};
    for (const temperature of TEMPERATURE_CLASSES) {
      capacityKg[temperature] = Math.max(0, (recipient.dailyCapacityKg[temperature] ?? 0) - (recipient.claimedKgOnDay[temperature] ?? 0));
    }
    recipients.push({
      recipientId: recipient.organizationId,
      // Unused: the distance matrix below is always given.
      location: firstSite.location,
      serviceRadiusKm: recipient.serviceRadiusKm,
      acceptedCategoryCodes: recipient.acceptedCategoryCodes,
      capacityKg,
      dlcMarginHours: recipient.dlcMarginHours,
    });
  }
  const sites = new Map(candidates.recipients.flatMap((recipient) => recipient.sites.map((site) => [site.siteId, site] as const)));
  const distancesByOffer = new Map<string, AllocationSiteDistance[]>();
  for (const distance of candidates.distances) {
    const list = distancesByOffer.get(distance.offerId);
    if (list === undefined) distancesByOffer.set(distance.offerId, [distance]);
    else list.push(distance);
  }

  const items: AllocationItem[] = [];
  const distanceKm: Float64Array[] = [];
  const offerOfItem = new Map<string, string>();
  let offerCount = 0;
  for (const offer of candidates.offers) {
    const row = new Float64Array(recipients.length).fill(Infinity);
    const windows = new ReceivingWindowResolver(offer.pickupFrom, offer.pickupUntil);
    for (const distance of distancesByOffer.get(offer.id) ?? []) {
      const r = recipientIndex.get(distance.recipientOrganizationId);
      const site = sites.get(distance.siteId);
      if (r === undefined || site === undefined) continue;
      const window = windows.resolve(site);
      if (window.intervals.length === 0 || window.pickupDay !== day || window.closedOnPickupDay) continue;
      if (distance.distanceKm < row[r]) row[r] = distance.distanceKm;
    }
    let offered = false;
    for (const item of offer.items) {
      if (!(item.remainingKg > 0)) continue;
      let dlcHoursAfterPickup: number | null = null;
      let deadline: Date | null = null;
      if (item.dateKind === DateKind.DLC) {
        // A DLC item without a date cannot be stored (a CHECK constraint); if one were, it is not offerable.
        if (item.date === null || isDlcExpired(item.date, now)) continue;
        dlcHoursAfterPickup = dlcHoursLeftAt(item.date, offer.pickupUntil);
        deadline = dlcEnd(item.date);
      }
      items.push({
        offerItemId: item.id,
        kg: item.remainingKg,
        temperature: item.temperature,
        categoryCode: item.categoryCode,
        perishabilityWeight: perishabilityWeight(urgencyHoursLeft(offer.pickupUntil, [{ dlcEnd: deadline }], now)),
        location: offer.location,
        dlcHoursAfterPickup,
      });
      distanceKm.push(row);
      offerOfItem.set(item.id, offer.id);
      offered = true;
    }
    if (offered) offerCount += 1;
  }
  return {
    problem: { items, recipients, distanceKm, distanceCostPerKgKm: DEFAULT_DISTANCE_COST_PER_KG_KM },
    offerOfItem,
    offerCount,
  };
}

const GRAMS_PER_KG = 1000;

/** Down to the gram: the solver's kg may sit a hair above a capacity's exact value. */
export function floorToGram(kg: number): number {
  return Math.floor(kg * GRAMS_PER_KG + 1e-6) / GRAMS_PER_KG;
}

export interface ProposedClaims {
  readonly claims: readonly ProposedClaim[];
  readonly figures: AllocationFigures;
}

/**
 * Groups an allocation's assignments into one proposed claim per (offer, recipient), lines rounded
 * down to the gram, and recomputes the objective's figures on the rounded lines so they describe
 * exactly what would be claimed. Claims come heaviest first, then by offer and recipient id.
 */
export function toProposedClaims(built: BuiltAllocationProblem, result: AllocationResult): ProposedClaims {
  const lambda = built.problem.distanceCostPerKgKm ?? DEFAULT_DISTANCE_COST_PER_KG_KM;
  const weightOf = new Map(built.problem.items.map((item) => [item.offerItemId, item.perishabilityWeight]));
  const claims = new Map<string, { offerId: string; recipientOrganizationId: string; distanceKm: number; lines: { itemId: string; quantityKg: number }[] }>();
  let totalKg = 0;
  let weightedValue = 0;
  let kgKm = 0;
  for (const assignment of result.assignments) {
    const quantityKg = floorToGram(assignment.kg);
    if (quantityKg <= 0) continue;
    const offerId = built.offerOfItem.get(assignment.offerItemId);
    if (offerId === undefined) continue;
    const key = `${offerId}/${assignment.recipientId}`;
    let claim = claims.get(key);
    if (claim === undefined) {
      claim = { offerId, recipientOrganizationId: assignment.recipientId, distanceKm: assignment.distanceKm, lines: [] };
      claims.set(key, claim);
    }
    claim.lines.push({ itemId: assignment.offerItemId, quantityKg });
    totalKg += quantityKg;
    weightedValue += quantityKg * (weightOf.get(assignment.offerItemId) ?? 0);
    kgKm += quantityKg * assignment.distanceKm;
  }
  const proposed: ProposedClaim[] = [...claims.values()].map((claim) => ({
    offerId: claim.offerId,
    recipientOrganizationId: claim.recipientOrganizationId,
    lines: claim.lines,
    totalKg: roundKg(claim.lines.reduce((sum, line) => sum + line.quantityKg, 0)),
    distanceKm: roundTo(claim.distanceKm, 3),
  }));
  proposed.sort((a, b) => b.totalKg - a.totalKg || compare(a.offerId, b.offerId) || compare(a.recipientOrganizationId, b.recipientOrganizationId));
  const distanceCost = lambda * kgKm;
  return {
    claims: proposed,
    figures: {
      totalKg: roundKg(totalKg),
      weightedValue: roundTo(weightedValue, 3),
      distanceCost: roundTo(distanceCost, 3),
      objective: roundTo(weightedValue - distanceCost, 3),
      distanceKm: roundTo(
        proposed.reduce((sum, claim) => sum + claim.distanceKm, 0),
        3,
      ),
      claimCount: proposed.length,
    },
  };
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
