import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AcceptRun, GetRuns, PlanRuns, RecordStopEvent, WithdrawFromRun, type RunView } from '#application';
import { MemberRole } from '#domain';
import { Authenticated, CheckedByUseCase, MemberOf } from '../auth/access-policy.decorator';
import { DateScalar } from '../graphql/date.scalar';
import { OfferLoaders } from '../offers/offer.loaders';
import { presentClaim, presentOffer } from '../offers/offer.presenter';
import type { GraphQLContext } from '../graphql/graphql-context';
import { RunLoaders } from './run.loaders';
import { PlanRunsInput, StopEventInput } from './run.input';
import { presentRun, presentStop } from './run.presenter';
import { ClaimType, PickupRunType, PickupStopType, UnservedPickupType } from './run.type';

const COORDINATORS = [MemberRole.ADMIN, MemberRole.STAFF];

@Resolver()
export class RunsResolver {
  constructor(
    private readonly planRunsUseCase: PlanRuns,
    private readonly acceptRunUseCase: AcceptRun,
    private readonly recordStopEventUseCase: RecordStopEvent,
    private readonly withdrawFromRunUseCase: WithdrawFromRun,
    private readonly getRuns: GetRuns,
  ) {}

  @MemberOf(COORDINATORS, 'input.organizationId')
  @Mutation(() => [PickupRunType], {
    description:
      'A recipient’s admin or staff plans (or re-plans) a day from its pickups, with the vehicles given or its fleet. Runs go to available drivers ' +
      'or stay open (PLANNED) for one to accept; runs already on the road stay as they are. Pickups no run takes: unservedPickups (and an e-mail).',
  })
  async planRuns(@Args('input') input: PlanRunsInput, @Context() context: GraphQLContext): Promise<PickupRunType[]> {
    const outcome = await this.planRunsUseCase.execute({
      actor: context.actor,
      organizationId: input.organizationId,
      day: input.day,
      vehicles: input.vehicles.map((vehicle) => ({ capacityKg: vehicle.capacityKg, refrigerated: vehicle.refrigerated, driverId: vehicle.driverId })),
    });
    return this.present(await this.getRuns.views(outcome.runs, context.actor));
  }

  @CheckedByUseCase('the run names its organisation: only its DRIVER members may take it (AcceptRun)')
  @Mutation(() => PickupRunType, {
    description: 'A driver of the run’s organisation takes an open run. Someone else’s: RUN_ALREADY_TAKEN; not open any more: RUN_NOT_OPEN.',
  })
  async acceptRun(@Args('id', { type: () => ID }) id: string, @Context() context: GraphQLContext): Promise<PickupRunType> {
    const run = await this.acceptRunUseCase.execute({ actor: context.actor, runId: id });
    const [view] = await this.getRuns.views([run], context.actor);
    if (view === undefined) throw new Error(`run ${run.id}: its new driver cannot see it`);
    return presentRun(view);
  }

  // Not in the public contract: an addition, so that a driver can give a run back (see the README, Pickup runs).
  @CheckedByUseCase('only the run’s own driver gives it back (WithdrawFromRun)')
  @Mutation(() => PickupRunType, {
    description:
      'The run’s driver gives it back before it starts: it is open again (PLANNED). Less than RUN_WITHDRAWAL_NOTICE_HOURS before its start, the other ' +
      'available drivers are e-mailed, and the coordinators if nobody has taken it RUN_UNTAKEN_ALERT_SECONDS later. On the road: ILLEGAL_RUN_TRANSITION.',
  })
  async withdrawFromRun(@Args('id', { type: () => ID }) id: string, @Context() context: GraphQLContext): Promise<PickupRunType> {
    const run = await this.withdrawFromRunUseCase.execute({ actor: context.actor, runId: id });
    // The driver who left may no longer see the run: they get it as it was left, stops and all.
    const [view] = await this.getRuns.views([run], context.actor);
    return presentRun(
      view ?? {
        run: run.toSnapshot(),
        audience: 'RECIPIENT',
        stops: run.stops,
        driver: null,
        doneStopIds: new Set(run.stops.filter((stop) => run.isDone(stop)).map((stop) => stop.id)),
      },
    );
  }

  @CheckedByUseCase('the stop names its run: its driver, or the ADMIN or STAFF of the run’s organisation for them (RecordStopEvent)')
  @Mutation(() => PickupStopType, {
    description:
      'The run’s driver (or a coordinator for them) records what happened at a stop; the claim follows (collected, delivered, refused) and the trace is ' +
      'written with it. Out of order or twice, readings out of range, kilos over the claim beyond the tolerance: a coded error naming the field, nothing written.',
  })
  async recordStopEvent(@Args('input') input: StopEventInput, @Context() context: GraphQLContext): Promise<PickupStopType> {
    const recorded = await this.recordStopEventUseCase.execute({
      actor: context.actor,
      stopId: input.stopId,
      kind: input.kind,
      quantityKg: input.quantityKg,
      temperatureC: input.temperatureC,
      note: input.note,
    });
    const view = await this.getRuns.one(context.actor, recorded.runId);
    const stop = view?.stops.find((candidate) => candidate.id === recorded.stopId);
    if (view === undefined || stop === undefined) throw new Error(`stop ${recorded.stopId}: whoever recorded it cannot see it`);
    return presentStop(stop, view.doneStopIds.has(stop.id));
  }

  @MemberOf(COORDINATORS, 'organizationId')
  @Query(() => [PickupRunType], { description: 'The recipient’s coordinators: the day’s runs (cancelled ones left out), by planned start.' })
  async pickupRuns(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('day', { type: () => DateScalar }) day: string,
    @Context() context: GraphQLContext,
  ): Promise<PickupRunType[]> {
    return this.present(await this.getRuns.ofOrganizationDay(context.actor, organizationId, day));
  }

  @Authenticated()
  @Query(() => [PickupRunType], {
    description: 'The caller’s runs on that day (today by default, Paris time), and the open runs of the organisations they drive for, which they may accept.',
  })
  async myRuns(@Context() context: GraphQLContext, @Args('day', { type: () => DateScalar, nullable: true }) day?: string | null): Promise<PickupRunType[]> {
    return this.present(await this.getRuns.ofDriver(context.actor, day));
  }

  @MemberOf(COORDINATORS, 'organizationId')
  @Query(() => [UnservedPickupType], { description: 'The recipient’s coordinators: the pickups the day’s last planning put in no run, and why.' })
  async unservedPickups(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('day', { type: () => DateScalar }) day: string,
    @Context() context: GraphQLContext,
  ): Promise<UnservedPickupType[]> {
    return (await this.getRuns.unserved(context.actor, organizationId, day)).map((left) => ({ reason: left.reason, claimId: left.claimId }));
  }

  private present(views: readonly RunView[]): PickupRunType[] {
    return views.map(presentRun);
  }
}

/** UnservedPickup.claim, through the same loaders as a stop's claim. */
@Resolver(() => UnservedPickupType)
export class UnservedPickupFieldsResolver {
  constructor(
    private readonly runLoaders: RunLoaders,
    private readonly offerLoaders: OfferLoaders,
  ) {}

  @ResolveField('claim', () => ClaimType)
  async claim(@Parent() left: UnservedPickupType, @Context() context: GraphQLContext): Promise<ClaimType> {
    const claim = await this.runLoaders.of(context).claim.load(left.claimId);
    if (claim === null) throw new Error(`unserved pickup: claim ${left.claimId} not found`);
    const offer = await this.offerLoaders.of(context).offer.load(claim.offerId);
    if (offer === null) throw new Error(`unserved pickup: offer ${claim.offerId} not readable`);
    return presentClaim(claim, presentOffer(offer));
  }
}
