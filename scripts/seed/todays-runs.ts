import { randomUUID } from 'node:crypto';
import type { AcceptRun, ClaimOffer, CreateOffer, PlanRuns, PublishOffer } from '#application';
import { DateKind, haversineKm, OrganizationKind, parisDayOf, PARIS_ZONE, TemperatureClass, type OfferItemInput } from '#domain';
import { DateTime } from 'luxon';
import type { SeedPlan } from './seed-plan.model';

/** The use cases the demo's runs go through: the same rules as an API caller. */
export interface TodaysRunsServices {
  readonly createOffer: CreateOffer;
  readonly publishOffer: PublishOffer;
  readonly claimOffer: ClaimOffer;
  readonly planRuns: PlanRuns;
  readonly acceptRun: AcceptRun;
}

/** Where the written plan put things: ids by the plan's indexes. */
export interface WrittenPlan {
  readonly organizationIds: readonly string[];
  readonly creatorIds: readonly string[];
  readonly siteIds: readonly (readonly string[])[];
  readonly recipientIndex: number;
  readonly driverUserId: string;
}

export interface TodaysRuns {
  readonly day: string;
  readonly claims: number;
  readonly runs: number;
  readonly driverRuns: number;
}

/** Donor sites the demo épicerie collects from today: the nearest ones. */
const DONOR_SITES = 4;
/** Today's lots are put up from a quarter of an hour from now, for five hours, and not after 22:30. */
const LEAD_MINUTES = 15;
const WINDOW_HOURS = 5;
const LATEST = '22:30';
const SHORTEST_WINDOW_MINUTES = 90;

/** What each of today's lots holds: dry, fresh and chilled goods, dated so every DLC margin is met. */
function items(index: number, now: Date): OfferItemInput[] {
  const inDays = (days: number) => DateTime.fromJSDate(now, { zone: PARIS_ZONE }).plus({ days }).toISODate() ?? undefined;
  const lots: OfferItemInput[][] = [
    [
      {
        category: 'FOOD.FRUIT_VEG.VEGETABLES',
        description: 'Légumes du jour déclassés',
        quantityKg: 35,
        temperature: TemperatureClass.AMBIENT,
        dateKind: DateKind.NONE,
      },
      {
        category: 'FOOD.FRUIT_VEG.READY_TO_EAT',
        description: 'Salades en sachet',
        quantityKg: 8,
        temperature: TemperatureClass.CHILLED,
        dateKind: DateKind.DLC,
        date: inDays(5),
      },
    ],
    [{ category: 'FOOD.BAKERY.BREAD', description: 'Pain de la veille', quantityKg: 14, temperature: TemperatureClass.AMBIENT, dateKind: DateKind.NONE }],
    [
      {
        category: 'FOOD.DRY.CANNED',
        description: 'Conserves cabossées',
        quantityKg: 40,
        temperature: TemperatureClass.AMBIENT,
        dateKind: DateKind.DDM,
        date: inDays(300),
      },
      {
        category: 'FOOD.DAIRY.YOGURT',
        description: 'Yaourts à date courte',
        quantityKg: 12,
        temperature: TemperatureClass.CHILLED,
        dateKind: DateKind.DLC,
        date: inDays(6),
      },
    ],
    [{ category: 'FOOD.FRUIT_VEG.FRUIT', description: 'Pommes tachées', quantityKg: 30, temperature: TemperatureClass.AMBIENT, dateKind: DateKind.NONE }],
  ];
  return lots[index % lots.length] ?? [];
}

/** From a quarter of an hour from now for five hours, today; tomorrow morning if today is nearly over. */
function window(now: Date): { pickupFrom: Date; pickupUntil: Date } {
  const local = DateTime.fromJSDate(now, { zone: PARIS_ZONE });
  const soon = local.plus({ minutes: LEAD_MINUTES });
  const from = soon.set({ minute: Math.ceil(soon.minute / 15) * 15, second: 0, millisecond: 0 });
  const [hour, minute] = LATEST.split(':').map(Number);
  const latest = local.set({ hour, minute, second: 0, millisecond: 0 });
  const until = DateTime.min(from.plus({ hours: WINDOW_HOURS }), latest);
  if (until.diff(from, 'minutes').minutes >= SHORTEST_WINDOW_MINUTES) return { pickupFrom: from.toJSDate(), pickupUntil: until.toJSDate() };
  const tomorrow = local.plus({ days: 1 }).set({ hour: 8, minute: 0, second: 0, millisecond: 0 });
  return { pickupFrom: tomorrow.toJSDate(), pickupUntil: tomorrow.plus({ hours: WINDOW_HOURS }).toJSDate() };
}

/**
 * The demo's runs for today: the nearest donors put up a lot each, the demo épicerie's admin claims
 * them, plans the day with the épicerie's fleet, and the demo driver takes a run (or is given it by
 * the planner when their hours allow). After 21:00 the lots are for tomorrow morning, and so are the runs.
 */
export async function planTodaysRuns(services: TodaysRunsServices, plan: SeedPlan, written: WrittenPlan, now: Date): Promise<TodaysRuns> {
  const recipient = plan.organizations[written.recipientIndex];
  const recipientId = written.organizationIds[written.recipientIndex];
  const recipientAdmin = written.creatorIds[written.recipientIndex];
  const home = recipient?.sites[0];
  if (recipient === undefined || recipientId === undefined || recipientAdmin === undefined || home === undefined)
    throw new Error('the demo épicerie is missing');
  const donorSites = plan.organizations
    .flatMap((organization, organizationIndex) =>
      organization.kind === OrganizationKind.DONOR ? organization.sites.map((site, siteIndex) => ({ site, organizationIndex, siteIndex })) : [],
    )
    .sort((a, b) => haversineKm(home, a.site) - haversineKm(home, b.site))
    .slice(0, DONOR_SITES);

  const { pickupFrom, pickupUntil } = window(now);
  const day = parisDayOf(pickupFrom);
  let claims = 0;
  for (const [index, { organizationIndex, siteIndex }] of donorSites.entries()) {
    const siteId = written.siteIds[organizationIndex]?.[siteIndex];
    const donorAdmin = written.creatorIds[organizationIndex];
    if (siteId === undefined || donorAdmin === undefined) throw new Error(`today's lot #${index}: donor site missing`);
    const donor = { userId: donorAdmin, platformAdmin: false, emailVerified: true };
    const created = await services.createOffer.execute({ actor: donor, siteId, title: 'Invendus du jour', items: items(index, now), pickupFrom, pickupUntil });
    await services.publishOffer.execute({ actor: donor, offerId: created.offer.id });
    await services.claimOffer.execute({
      actor: { userId: recipientAdmin, platformAdmin: false, emailVerified: true },
      offerId: created.offer.id,
      organizationId: recipientId,
      lines: null,
      idempotencyKey: `seed-today-${randomUUID()}`,
    });
    claims += 1;
  }

  const planned = await services.planRuns.execute({
    actor: { userId: recipientAdmin, platformAdmin: false, emailVerified: true },
    organizationId: recipientId,
    day,
    vehicles: [],
  });
  let driverRuns = planned.runs.filter((run) => run.driverUserId === written.driverUserId).length;
  const open = planned.runs.find((run) => run.driverUserId === null);
  if (driverRuns === 0 && open !== undefined) {
    await services.acceptRun.execute({ actor: { userId: written.driverUserId, platformAdmin: false, emailVerified: true }, runId: open.id });
    driverRuns = 1;
  }
  return { day, claims, runs: planned.runs.length, driverRuns };
}
