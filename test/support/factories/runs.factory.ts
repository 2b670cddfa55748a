import { randomUUID } from 'node:crypto';
import { AcceptRun, Authorizer, GetRuns, PlanRuns, RunAccess, RunPlanner, type Clock } from '#application';
import { MemberRole, OpeningHours, Run, StopKind, type CalendarDay } from '#domain';
import {
  TypeOrmDayPlanRepository,
  TypeOrmDriverAvailabilityRepository,
  TypeOrmJobOutbox,
  TypeOrmMembershipRepository,
  TypeOrmOrganizationRepository,
  TypeOrmRunRepository,
  TypeOrmUnitOfWork,
  TypeOrmUserRepository,
  TypeOrmVehicleRepository,
  SqlRunPlanningSource,
} from '#persistence';
import type { DataSource } from 'typeorm';
import { insertClaim, insertOffer, insertOrganization, insertProfile, insertSite, type SiteSpec } from './matching.factory';
import { insertMember, insertMembership } from './people.factory';

/** The runs use cases wired to the real repositories, as the API wires them. */
export function runUseCases(ds: DataSource, clock: Clock) {
  const runs = new TypeOrmRunRepository(ds, new TypeOrmJobOutbox(ds));
  const dayPlans = new TypeOrmDayPlanRepository(ds);
  const memberships = new TypeOrmMembershipRepository(ds);
  const authorizer = new Authorizer(memberships);
  const unitOfWork = new TypeOrmUnitOfWork(ds);
  const planner = new RunPlanner(runs, dayPlans, new SqlRunPlanningSource(ds), new TypeOrmJobOutbox(ds), unitOfWork, clock);
  return {
    runs,
    dayPlans,
    planner,
    planRuns: new PlanRuns(authorizer, new TypeOrmOrganizationRepository(ds), memberships, new TypeOrmVehicleRepository(ds), planner, clock),
    acceptRun: new AcceptRun(runs, authorizer, unitOfWork, clock),
    getRuns: new GetRuns(runs, dayPlans, new TypeOrmUserRepository(ds), authorizer, new RunAccess(authorizer), clock),
  };
}

/** Receiving hours every day, Paris time. */
export const OPEN_8_TO_18 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: '08:00', end: '18:00' }] }));

export interface RunRecipient {
  readonly organizationId: string;
  readonly siteId: string;
  /** Its ADMIN. */
  readonly adminId: string;
}

/** A verified recipient with one site receiving 08:00–18:00, a generous profile and an ADMIN. */
export async function insertRunRecipient(ds: DataSource, location: { latitude: number; longitude: number }): Promise<RunRecipient> {
  const organizationId = await insertOrganization(ds, 'RECIPIENT', { name: 'Épicerie solidaire des Chartrons' });
  const siteId = await insertSite(ds, organizationId, { ...location, openingHours: OPEN_8_TO_18 });
  await insertProfile(ds, organizationId, { ambientKg: 5000, chilledKg: 1000, frozenKg: 500, serviceRadiusKm: 50 });
  const adminId = await insertMember(ds, organizationId, MemberRole.ADMIN, `coord.${organizationId.slice(0, 8)}@asso.example`);
  return { organizationId, siteId, adminId };
}

/** A DRIVER of the organisation with these weekly hours (every day) and absences, through the real repositories. */
export async function insertDriver(
  ds: DataSource,
  organizationId: string,
  hours: { start: string; end: string } | null = { start: '07:00', end: '20:00' },
  absences: ReadonlyArray<{ from: CalendarDay; to: CalendarDay }> = [],
  userId?: string,
): Promise<string> {
  const id = userId ?? (await insertMember(ds, organizationId, MemberRole.DRIVER, `driver.${randomUUID().slice(0, 8)}@asso.example`));
  if (userId !== undefined) await insertMembership(ds, organizationId, userId, MemberRole.DRIVER);
  const availability = new TypeOrmDriverAvailabilityRepository(ds);
  if (hours !== null) await availability.saveWeekly(organizationId, id, OpeningHours.everyDay([hours]), new Date());
  for (const absence of absences) {
    await availability.addAbsence({ id: randomUUID(), organizationId, userId: id, from: absence.from, to: absence.to, createdAt: new Date() });
  }
  return id;
}

/** A verified donor with one site at this place. */
export async function insertRunDonor(ds: DataSource, name: string, site: SiteSpec): Promise<{ organizationId: string; siteId: string }> {
  const organizationId = await insertOrganization(ds, 'DONOR', { name });
  const siteId = await insertSite(ds, organizationId, site);
  return { organizationId, siteId };
}

/**
 * An open run of the recipient with one claim collected at the donor's site and delivered at the
 * recipient's, written as planning writes it (claim and pickup rows, then the run through the real
 * repository): for tests about runs themselves rather than about planning.
 */
export async function insertOpenRun(
  ds: DataSource,
  spec: {
    readonly recipient: { readonly organizationId: string; readonly siteId: string };
    readonly donor: { readonly organizationId: string; readonly siteId: string };
    readonly day: CalendarDay;
    readonly start: Date;
    readonly kg?: number;
    readonly temperature?: 'AMBIENT' | 'CHILLED' | 'FROZEN';
    /** Given: the run is this driver's (ASSIGNED), as if they had accepted it. */
    readonly driverUserId?: string;
  },
): Promise<{ runId: string; claimId: string; collectStopId: string; deliverStopId: string; itemId: string }> {
  const kg = spec.kg ?? 12;
  const temperature = spec.temperature ?? 'AMBIENT';
  const hour = 3_600_000;
  const windowEnd = new Date(spec.start.getTime() + 4 * hour);
  const { offerId, itemIds } = await insertOffer(ds, {
    donorOrganizationId: spec.donor.organizationId,
    siteId: spec.donor.siteId,
    latitude: 45,
    longitude: 1,
    status: 'CLAIMED',
    pickupFrom: spec.start,
    pickupUntil: windowEnd,
    items: [{ category: 'FOOD.DRY', kg, temperature }],
  });
  const itemId = itemIds[0] ?? '';
  await ds.query('UPDATE offer_items SET remaining_kg = 0 WHERE id = $1', [itemId]);
  await ds.query('UPDATE offers SET remaining_kg = 0 WHERE id = $1', [offerId]);
  const claimId = await insertClaim(ds, {
    offerId,
    recipientOrganizationId: spec.recipient.organizationId,
    pickupDay: spec.day,
    lines: [{ itemId, kg, temperature }],
  });
  await ds.query('UPDATE claims SET recipient_site_id = $2 WHERE id = $1', [claimId, spec.recipient.siteId]);
  const pickupId = randomUUID();
  await ds.query(
    `INSERT INTO pickups (id, claim_id, offer_id, from_organization_id, from_site_id, to_organization_id, to_site_id, collect_from, collect_until,
       deliver_from, deliver_until, ambient_kg, chilled_kg, frozen_kg, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $8, $9, $10, $11, $12, 'QUEUED')`,
    [
      pickupId,
      claimId,
      offerId,
      spec.donor.organizationId,
      spec.donor.siteId,
      spec.recipient.organizationId,
      spec.recipient.siteId,
      spec.start,
      windowEnd,
      temperature === 'AMBIENT' ? kg : 0,
      temperature === 'CHILLED' ? kg : 0,
      temperature === 'FROZEN' ? kg : 0,
    ],
  );
  const kgByTemperature = {
    AMBIENT: temperature === 'AMBIENT' ? kg : 0,
    CHILLED: temperature === 'CHILLED' ? kg : 0,
    FROZEN: temperature === 'FROZEN' ? kg : 0,
  };
  const collectStopId = randomUUID();
  const deliverStopId = randomUUID();
  const minute = 60_000;
  const run = Run.plan(
    {
      id: randomUUID(),
      organizationId: spec.recipient.organizationId,
      day: spec.day,
      depotSiteId: spec.recipient.siteId,
      slot: `input-0|${spec.recipient.siteId}|${windowEnd.toISOString()}|${randomUUID()}`,
      vehicle: { key: 'input-0', vehicleId: null, capacityKg: 500, refrigerated: true, insulatedBoxMaxMinutes: null },
      route: {
        plannedStart: spec.start,
        plannedEnd: new Date(spec.start.getTime() + 60 * minute),
        distanceKm: 8.5,
        stops: [
          {
            id: collectStopId,
            sequence: 1,
            kind: StopKind.COLLECT,
            organizationId: spec.donor.organizationId,
            siteId: spec.donor.siteId,
            claimId,
            pickupId,
            plannedArrival: new Date(spec.start.getTime() + 20 * minute),
            plannedDeparture: new Date(spec.start.getTime() + 30 * minute),
            windowStart: spec.start,
            windowEnd,
            kgByTemperature,
          },
          {
            id: deliverStopId,
            sequence: 2,
            kind: StopKind.DELIVER,
            organizationId: spec.recipient.organizationId,
            siteId: spec.recipient.siteId,
            claimId,
            pickupId,
            plannedArrival: new Date(spec.start.getTime() + 60 * minute),
            plannedDeparture: new Date(spec.start.getTime() + 60 * minute),
            windowStart: spec.start,
            windowEnd,
            kgByTemperature,
          },
        ],
      },
    },
    new Date(),
  );
  if (spec.driverUserId !== undefined) run.accept(spec.driverUserId, new Date());
  await new TypeOrmRunRepository(ds, new TypeOrmJobOutbox(ds)).add(run);
  return { runId: run.id, claimId, collectStopId, deliverStopId, itemId };
}
