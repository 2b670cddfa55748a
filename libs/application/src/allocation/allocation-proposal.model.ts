import type { CalendarDay } from '#domain';

export interface ProposedClaimLine {
  readonly itemId: string;
  /** Rounded down to the gram, so a proposal never exceeds an item or a capacity. */
  readonly quantityKg: number;
}

/** What one recipient would claim of one offer if the coordinator applies the proposal. */
export interface ProposedClaim {
  readonly offerId: string;
  readonly recipientOrganizationId: string;
  readonly lines: readonly ProposedClaimLine[];
  readonly totalKg: number;
  /** From the donor site to the nearest of the recipient's sites that can receive the goods that day. */
  readonly distanceKm: number;
}

/**
 * The objective's figures, computed on the rounded lines:
 *   weightedValue = Σ kg × perishability weight (1 to 3, see perishabilityWeight),
 *   distanceCost  = λ × Σ kg × km (λ = distanceCostPerKgKm), in the same unit,
 *   objective     = weightedValue − distanceCost, what the allocator maximises,
 *   distanceKm    = Σ of the claims' distances: the km of direct trips, one per proposed claim.
 */
export interface AllocationFigures {
  readonly totalKg: number;
  readonly weightedValue: number;
  readonly distanceCost: number;
  readonly objective: number;
  readonly distanceKm: number;
  readonly claimCount: number;
}

/** WHOLE for platform admins; OWN_LINES for a member: its organisation's lines and their figures only. */
export type AllocationProposalScope = 'WHOLE' | 'OWN_LINES';

export interface AllocationProposal {
  readonly coordinatorOrganizationId: string;
  readonly day: CalendarDay;
  readonly scope: AllocationProposalScope;
  readonly proposedClaims: readonly ProposedClaim[];
  /** The optimal split (network simplex, libs/matching allocate), over the lines shown. */
  readonly figures: AllocationFigures;
  /** What a dispatcher sending each item to its nearest recipient with room would get, for comparison, over the same scope. */
  readonly greedy: AllocationFigures;
  readonly offerCount: number;
  readonly itemCount: number;
  /** Undefined in OWN_LINES. */
  readonly recipientCount?: number;
  /** Kg of the open items that no eligible recipient had room for; undefined in OWN_LINES. */
  readonly unallocatedKg?: number;
  readonly distanceCostPerKgKm: number;
}
