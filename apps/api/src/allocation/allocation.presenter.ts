import type { AllocationFigures, AllocationProposal, ProposedClaim } from '#application';
import type { OfferType } from '../offers/offer.type';
import type { AllocationFiguresType, AllocationProposalType, ProposedClaimType } from './allocation-proposal.type';

/**
 * A proposal with its offers as the caller reads them now. A claim whose offer the caller can no
 * longer read (it closed since the proposal was computed) is left out, like one for an item that
 * is gone from its offer.
 */
export function presentAllocationProposal(proposal: AllocationProposal, offers: ReadonlyMap<string, OfferType>): AllocationProposalType {
  const claims = proposal.proposedClaims.flatMap((claim) => {
    const offer = offers.get(claim.offerId);
    if (offer === undefined) return [];
    const presented = presentProposedClaim(claim, offer);
    return presented === undefined ? [] : [presented];
  });
  return {
    day: proposal.day,
    proposedClaims: claims,
    totalKg: proposal.figures.totalKg,
    weightedValue: proposal.figures.weightedValue,
    distanceCost: proposal.figures.distanceCost,
    distanceCostKm: proposal.figures.distanceKm,
    objective: proposal.figures.objective,
    greedyTotalKg: proposal.greedy.totalKg,
    optimal: presentFigures(proposal.figures),
    greedy: presentFigures(proposal.greedy),
    offerCount: proposal.offerCount,
    itemCount: proposal.itemCount,
    recipientCount: proposal.recipientCount ?? null,
    unallocatedKg: proposal.unallocatedKg ?? null,
    distanceCostPerKgKm: proposal.distanceCostPerKgKm,
  };
}

function presentProposedClaim(claim: ProposedClaim, offer: OfferType): ProposedClaimType | undefined {
  const items = new Map(offer.items.map((item) => [item.id, item]));
  const lines = claim.lines.flatMap((line) => {
    const item = items.get(line.itemId);
    return item === undefined ? [] : [{ item, quantityKg: line.quantityKg }];
  });
  if (lines.length !== claim.lines.length) return undefined;
  return { offer, lines, totalKg: claim.totalKg, distanceKm: claim.distanceKm, recipientOrganizationId: claim.recipientOrganizationId };
}

function presentFigures(figures: AllocationFigures): AllocationFiguresType {
  return { ...figures };
}
