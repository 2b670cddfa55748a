import { Injectable } from '@nestjs/common';
import { DomainError, MemberRole, OrganizationKind, parisDayOf, parseCalendarDay, roundKg, type CalendarDay } from '#domain';
import { allocate, naiveNearestFirstGreedy, DEFAULT_DISTANCE_COST_PER_KG_KM, type AllocationResult } from '#matching';
import type { Actor } from '../auth/actor';
import { Authorizer } from '../organizations/authorizer.service';
import { Clock } from '../ports/clock.port';
import { AllocationCandidateSource, type AllocationCoordinator } from './allocation-candidate-source.port';
import { buildAllocationProblem, toProposedClaims } from './allocation-problem.builder';
import type { AllocationFigures, AllocationProposal } from './allocation-proposal.model';

/**
 * Bounds of one proposal. The exact allocator solves these in well under a second (bench/allocation),
 * and a response with more than a few thousand lines is no longer something a person reviews.
 */
export const MAX_ALLOCATION_ITEMS = 2000;
export const MAX_ALLOCATION_RECIPIENTS = 500;

/** Who may coordinate an organisation's area: its office roles (drivers carry, they do not dispatch). */
export const COORDINATOR_ROLES: readonly MemberRole[] = [MemberRole.ADMIN, MemberRole.STAFF];

export interface ProposeAllocationQuery {
  readonly actor: Actor | undefined;
  readonly organizationId: string;
  /** Paris calendar day, YYYY-MM-DD; today (Paris) when absent. */
  readonly day?: string | null;
}

/**
 * A food bank dispatching to its partners: proposes how to split the open offers of its area among
 * the recipients of that area for one day, to maximise kg saved (weighted by perishability) minus a
 * distance cost, within every recipient's free storage. Nothing is claimed: the coordinator reviews
 * the proposal and its partners claim.
 *
 * Who coordinates, the smallest rule that holds: an ADMIN or STAFF member of a verified RECIPIENT
 * organisation with a recipient profile (the food bank itself), or a platform admin for any such
 * organisation. Its area is its declared service radius around each of its sites: offers located
 * there, and verified recipients with a site there, take part. There is no partnership register
 * yet, so "its partners" are the recipients of its area; each of them is still held to its own
 * radius, categories, storage, receiving hours and DLC margin.
 *
 * Privacy: every line of a proposal tells how much free storage a recipient has at least, and the
 * area's totals bound what they all have together; a recipient's storage is its own business. So a
 * member sees its own organisation's lines only, with the figures of those lines (the greedy's too)
 * and neither the recipients' count nor the kg left unallocated; the whole proposal is for platform
 * admins. Declared capacities are never shown, to anyone, by this query.
 */
@Injectable()
export class ProposeAllocation {
  constructor(
    private readonly source: AllocationCandidateSource,
    private readonly authorizer: Authorizer,
    private readonly clock: Clock,
  ) {}

  async execute(query: ProposeAllocationQuery): Promise<AllocationProposal> {
    const actor = query.actor;
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    if (!actor.platformAdmin) await this.authorizer.assertActsFor(actor, query.organizationId, COORDINATOR_ROLES);
    const now = this.clock.now();
    const day = query.day === undefined || query.day === null ? parisDayOf(now) : parseCalendarDay(query.day, 'day');
    const coordinator = await this.source.findCoordinator(query.organizationId);
    // Members got past the check above, so only a platform admin can name an unknown organisation.
    if (coordinator === undefined) throw new DomainError('NOT_FOUND', 'organizationId');
    const radiusKm = assertCoordinator(coordinator);
    if (coordinator.siteCount === 0) return emptyProposal(coordinator.organizationId, day, actor.platformAdmin);

    const area = { coordinatorOrganizationId: coordinator.organizationId, radiusKm };
    const counts = await this.source.count(area, day, now);
    if (counts.items > MAX_ALLOCATION_ITEMS || counts.recipients > MAX_ALLOCATION_RECIPIENTS) {
      throw new DomainError('ALLOCATION_TOO_LARGE', 'organizationId', {
        items: counts.items,
        recipients: counts.recipients,
        maxItems: MAX_ALLOCATION_ITEMS,
        maxRecipients: MAX_ALLOCATION_RECIPIENTS,
      });
    }
    const candidates = await this.source.load(area, day, now);
    const built = buildAllocationProblem(candidates, day, now);
    const solved = allocate(built.problem);
    const offeredKg = built.problem.items.reduce((sum, item) => sum + item.kg, 0);
    const whole = actor.platformAdmin;
    const shown = (result: AllocationResult): AllocationResult => (whole ? result : onlyFor(result, coordinator.organizationId));
    const optimal = toProposedClaims(built, shown(solved));
    const greedy = toProposedClaims(built, shown(naiveNearestFirstGreedy(built.problem)));
    return {
      coordinatorOrganizationId: coordinator.organizationId,
      day,
      scope: whole ? 'WHOLE' : 'OWN_LINES',
      proposedClaims: optimal.claims,
      figures: optimal.figures,
      greedy: greedy.figures,
      offerCount: built.offerCount,
      itemCount: built.problem.items.length,
      recipientCount: whole ? built.problem.recipients.length : undefined,
      unallocatedKg: whole ? roundKg(Math.max(0, offeredKg - toProposedClaims(built, solved).figures.totalKg)) : undefined,
      distanceCostPerKgKm: built.problem.distanceCostPerKgKm ?? DEFAULT_DISTANCE_COST_PER_KG_KM,
    };
  }
}

/** The assignments of one recipient organisation: what its own members may read of a proposal. */
function onlyFor(result: AllocationResult, recipientOrganizationId: string): AllocationResult {
  return { ...result, assignments: result.assignments.filter((assignment) => assignment.recipientId === recipientOrganizationId) };
}

function assertCoordinator(coordinator: AllocationCoordinator): number {
  if (coordinator.kind !== OrganizationKind.RECIPIENT) throw new DomainError('NOT_A_RECIPIENT', 'organizationId');
  if (!coordinator.verified) throw new DomainError('RECIPIENT_NOT_VERIFIED', 'organizationId');
  if (coordinator.serviceRadiusKm === null) throw new DomainError('RECIPIENT_PROFILE_MISSING', 'organizationId');
  return coordinator.serviceRadiusKm;
}

const NO_FIGURES: AllocationFigures = { totalKg: 0, weightedValue: 0, distanceCost: 0, objective: 0, distanceKm: 0, claimCount: 0 };

function emptyProposal(coordinatorOrganizationId: string, day: CalendarDay, whole: boolean): AllocationProposal {
  return {
    coordinatorOrganizationId,
    day,
    scope: whole ? 'WHOLE' : 'OWN_LINES',
    proposedClaims: [],
    figures: NO_FIGURES,
    greedy: NO_FIGURES,
    offerCount: 0,
    itemCount: 0,
    recipientCount: whole ? 0 : undefined,
    unallocatedKg: whole ? 0 : undefined,
    distanceCostPerKgKm: DEFAULT_DISTANCE_COST_PER_KG_KM,
  };
}
