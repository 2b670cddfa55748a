import { LoginUser } from '#application';
import { addCalendarDays, parisDayOf } from '#domain';
import { DEMO_PASSWORD, buildSeedPlan } from '../../scripts/seed/seed-plan';
import { seedDemo, withApplicationContext, type DemoSeedResult } from '../../scripts/seed/seed-demo';
import { loadTowns } from '../../scripts/seed/towns';
import { provideTestServices, type TestServices } from '../support/test-stack';

/** Gironde's extent (IGN), a little widened: sites stand within about two kilometres of a real town. */
const GIRONDE = { south: 44.17, north: 45.6, west: -1.3, east: 0.35 } as const;

describe('demo seed (npm run seed) against a fresh database', () => {
  let services: TestServices;
  let first: DemoSeedResult;

  beforeAll(async () => {
    services = await provideTestServices();
    first = await seedDemo(services.config);
  }, 90_000);

  afterAll(async () => {
    await services?.release();
  });

  async function rows<T>(sql: string): Promise<T[]> {
    return services.dataSource.query<T[]>(sql);
  }

  async function tableCounts(): Promise<Record<string, number>> {
    const tables = [
      'users',
      'organizations',
      'memberships',
      'invitations',
      'sites',
      'recipient_profiles',
      'offers',
      'outbox_jobs',
      'vehicles',
      'driver_weekly_availabilities',
      'claims',
      'runs',
      'run_stops',
    ];
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const [row] = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = row?.n ?? -1;
    }
    return counts;
  }

  it('writes about 120 donor sites and 60 recipients, and says so', async () => {
    expect(first.outcome.status).toBe('seeded');
    const [counts] = await rows<{ donors: number; recipients: number; donor_sites: number; recipient_sites: number }>(`
      SELECT count(DISTINCT o.id) FILTER (WHERE o.kind = 'DONOR')::int AS donors,
             count(DISTINCT o.id) FILTER (WHERE o.kind = 'RECIPIENT')::int AS recipients,
             count(s.id) FILTER (WHERE o.kind = 'DONOR')::int AS donor_sites,
             count(s.id) FILTER (WHERE o.kind = 'RECIPIENT')::int AS recipient_sites
        FROM organizations o JOIN sites s ON s.organization_id = o.id`);
    expect(counts?.donor_sites).toBeGreaterThanOrEqual(110);
    expect(counts?.donor_sites).toBeLessThanOrEqual(130);
    expect(counts?.recipients).toBe(60);
    expect(counts?.recipient_sites).toBeGreaterThanOrEqual(60);
    if (first.outcome.status === 'seeded') {
      expect(first.outcome.counts).toMatchObject({ donors: counts?.donors, recipients: 60, donorSites: counts?.donor_sites, recipientProfiles: 60 });
    }
  });

  it('has multi-site donor organisations (chains) next to single shops', async () => {
    const perOrganization = await rows<{ sites: number }>(`
      SELECT count(*)::int AS sites FROM sites s JOIN organizations o ON o.id = s.organization_id
       WHERE o.kind = 'DONOR' GROUP BY o.id ORDER BY sites DESC`);
    expect(perOrganization.filter((o) => o.sites >= 5).length).toBeGreaterThanOrEqual(4);
    expect(perOrganization.filter((o) => o.sites === 1).length).toBeGreaterThanOrEqual(30);
  });

  it('places every site inside Gironde, around many real towns, with hours', async () => {
    const sites = await rows<{ latitude: number; longitude: number; address: string; hours: number }>(`
      SELECT ST_Y(location::geometry) AS latitude, ST_X(location::geometry) AS longitude, address,
             jsonb_array_length(opening_hours)::int AS hours
        FROM sites`);
    for (const site of sites) {
      expect(site.latitude).toBeGreaterThan(GIRONDE.south);
      expect(site.latitude).toBeLessThan(GIRONDE.north);
      expect(site.longitude).toBeGreaterThan(GIRONDE.west);
      expect(site.longitude).toBeLessThan(GIRONDE.east);
      expect(site.address).toMatch(/, 33\d{3} \S/);
      expect(site.hours).toBeGreaterThan(0);
    }
    const towns = new Set(sites.map((site) => site.address.slice(site.address.lastIndexOf(', ') + 8)));
    expect(towns.size).toBeGreaterThanOrEqual(40);
  });

  it('gives every recipient a profile; most are verified, a few wait for it', async () => {
    const [recipients] = await rows<{ total: number; profiled: number; verified: number; fast: number; chilled: number }>(`
      SELECT count(*)::int AS total,
             count(p.organization_id)::int AS profiled,
             count(*) FILTER (WHERE o.verified_at IS NOT NULL)::int AS verified,
             count(*) FILTER (WHERE p.redistributes_faster)::int AS fast,
             count(*) FILTER (WHERE p.chilled_capacity_kg > 0)::int AS chilled
        FROM organizations o LEFT JOIN recipient_profiles p ON p.organization_id = o.id
       WHERE o.kind = 'RECIPIENT'`);
    expect(recipients?.profiled).toBe(60);
    expect(recipients?.verified).toBeGreaterThanOrEqual(45);
    expect(recipients?.verified).toBeLessThan(60);
    expect(recipients?.fast).toBeGreaterThan(0);
    expect(recipients?.chilled).toBeGreaterThan(20);
  });

  it('posts a dozen lots from varied donors through CreateOffer and PublishOffer, the demo chain among them', async () => {
    // (Today's lots, claimed for the demo runs, are the next test's.)
    const offers = await rows<{ status: string; donor: string; opens_later: boolean }>(`
      SELECT o.status, d.name AS donor, o.pickup_from > now() AS opens_later
        FROM offers o JOIN organizations d ON d.id = o.donor_organization_id
       WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.offer_id = o.id)`);
    expect(offers.length).toBeGreaterThanOrEqual(10);
    expect(offers.filter((o) => o.status === 'PUBLISHED').length).toBeGreaterThanOrEqual(8);
    expect(offers.some((o) => o.status === 'DRAFT')).toBe(true);
    expect(offers.every((o) => o.opens_later)).toBe(true);
    expect(new Set(offers.map((o) => o.donor)).size).toBeGreaterThanOrEqual(8);
    expect(offers.filter((o) => o.donor === first.plan.logins[1]?.organization).length).toBe(3);
  });

  it('plans the demo épicerie’s runs of the day from lots it claimed, with the demo driver on one (myRuns)', async () => {
    if (first.outcome.status !== 'seeded') throw new Error('the first run must seed');
    const { runsDay, claims, runs, driverRuns } = first.outcome.counts;
    // Today, unless the seed ran after 21:00 (then tomorrow morning).
    expect([parisDayOf(new Date()), addCalendarDays(parisDayOf(new Date()), 1)]).toContain(runsDay);
    expect(claims).toBe(4);
    const stored = await rows<{ day: string; status: string; driver: string | null; collects: number; delivers: number }>(`
      SELECT r.day::text AS day, r.status, u.email AS driver,
             count(s.id) FILTER (WHERE s.kind = 'COLLECT')::int AS collects, count(s.id) FILTER (WHERE s.kind = 'DELIVER')::int AS delivers
        FROM runs r JOIN run_stops s ON s.run_id = r.id LEFT JOIN users u ON u.id = r.driver_user_id
       GROUP BY r.id, u.email`);
    expect(stored).toHaveLength(runs);
    expect(stored.every((run) => run.day === runsDay && run.collects > 0 && run.collects === run.delivers)).toBe(true);
    expect(stored.reduce((sum, run) => sum + run.collects, 0)).toBe(claims);
    expect(stored.filter((run) => run.driver === 'chauffeur@glane.demo' && run.status === 'ASSIGNED')).toHaveLength(driverRuns);
    expect(driverRuns).toBeGreaterThanOrEqual(1);
  });

  it('lets every demo login sign in with the demo password', async () => {
    await withApplicationContext(services.config, async (app) => {
      const login = app.get(LoginUser, { strict: false });
      for (const demo of first.plan.logins) {
        const session = await login.execute({ email: demo.email, password: DEMO_PASSWORD, ip: '127.0.0.1' });
        expect(session.user.email).toBe(demo.email);
        expect(session.user.platformAdmin).toBe(demo.email === first.plan.platformAdmin.email);
      }
    });
  });

  it('makes every account with a verified address, and every donor verified (so it may publish)', async () => {
    const [accounts] = await rows<{ total: number; unverified: number }>(
      'SELECT count(*)::int AS total, count(*) FILTER (WHERE email_verified_at IS NULL)::int AS unverified FROM users',
    );
    expect(accounts?.total).toBeGreaterThan(0);
    expect(accounts?.unverified).toBe(0);
    const [donors] = await rows<{ unverified: number }>("SELECT count(*)::int AS unverified FROM organizations WHERE kind = 'DONOR' AND verified_at IS NULL");
    expect(donors?.unverified).toBe(0);
  });

  it('gives the demo logins their roles in the demo organisations', async () => {
    const memberships = await rows<{ email: string; role: string; name: string }>(`
      SELECT u.email, m.role, o.name FROM memberships m JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.organization_id
       WHERE u.email LIKE '%@glane.demo' ORDER BY u.email`);
    const byEmail = new Map(memberships.map((m) => [m.email, `${m.role} ${m.name}`]));
    for (const demo of first.plan.logins) {
      if (demo.organization === null) expect(byEmail.has(demo.email)).toBe(false);
      else expect(byEmail.get(demo.email)).toContain(demo.organization);
    }
  });

  it('gives the demo épicerie a car and a refrigerated van, and its demo driver weekly hours', async () => {
    const vehicles = await rows<{ name: string; refrigerated: boolean; organization: string }>(`
      SELECT v.name, v.refrigerated, o.name AS organization FROM vehicles v JOIN organizations o ON o.id = v.organization_id ORDER BY v.name`);
    const demoRecipient = first.plan.logins.find((login) => login.email === 'chauffeur@glane.demo')?.organization;
    expect(vehicles.map((vehicle) => vehicle.organization)).toEqual([demoRecipient, demoRecipient]);
    expect(vehicles.map((vehicle) => vehicle.refrigerated).sort()).toEqual([false, true]);
    const hours = await rows<{ email: string; days: number }>(`
      SELECT u.email, jsonb_array_length(a.weekly)::int AS days FROM driver_weekly_availabilities a JOIN users u ON u.id = a.user_id`);
    expect(hours).toEqual([{ email: 'chauffeur@glane.demo', days: 3 }]);
    if (first.outcome.status === 'seeded') expect(first.outcome.counts).toMatchObject({ vehicles: 2, driverAvailabilities: 1 });
  });

  it('writes nothing on a second run, and says the data is already there', async () => {
    const before = await tableCounts();
    const second = await seedDemo(services.config);
    expect(second.outcome.status).toBe('already-seeded');
    expect(await tableCounts()).toEqual(before);
  });

  it('plans the same demo every time', () => {
    const towns = loadTowns();
    const a = buildSeedPlan(towns, 2026);
    const b = buildSeedPlan(towns, 2026);
    expect(JSON.stringify(b.organizations)).toBe(JSON.stringify(a.organizations));
    expect(a.organizations.map((o) => o.legalId)).toEqual(first.plan.organizations.map((o) => o.legalId));
  });
});
