import { haversineKm } from '#domain';
import { SqlAllocationCandidateSource, SqlMatchCandidateFinder } from '#persistence';
import { insertFoodBank } from '../support/factories/allocation.factory';
import { insertOffer, insertOrganization, insertRecipient, insertSite } from '../support/factories/matching.factory';
import { provideTestServices, type TestServices } from '../support/test-stack';

// Monday 23 November 2026, 09:00 in Paris; the pickup window is 11:00–15:00 that day.
const NOW = new Date('2026-11-23T08:00:00Z');
const DAY = '2026-11-23';

/**
 * One distance everywhere (docs/domain-rules.md, Distances): for the same offer and recipient site,
 * matching, allocation and the domain's haversine give the same kilometres, and they are not the
 * ellipsoid's (which is what a stray ST_Distance without `false` would give).
 */
describe('one distance for matching, allocation and the domain (PostgreSQL/PostGIS)', () => {
  let services: TestServices;

  beforeAll(async () => {
    services = await provideTestServices();
  });

  afterAll(async () => {
    await services?.release();
  });

  it('gives the same km for the same pair in matching, in allocation and in the domain', async () => {
    const ds = services.dataSource;
    // Bordeaux and a village about 30 km to the north-east: far enough for sphere and ellipsoid to differ by tens of metres.
    const offerPlace = { latitude: 44.8378, longitude: -0.5792 };
    const sitePlace = { latitude: 45.0551, longitude: -0.3364 };
    const donorId = await insertOrganization(ds, 'DONOR');
    const donorSite = await insertSite(ds, donorId, offerPlace);
    const { offerId } = await insertOffer(ds, {
      donorOrganizationId: donorId,
      siteId: donorSite,
      ...offerPlace,
      status: 'PUBLISHED',
      pickupFrom: new Date('2026-11-23T10:00:00Z'),
      pickupUntil: new Date('2026-11-23T14:00:00Z'),
      items: [{ category: 'FOOD.DRY', kg: 20 }],
    });
    const recipient = await insertRecipient(ds, sitePlace, { acceptedCategories: ['FOOD'], ambientKg: 100, serviceRadiusKm: 50 });
    const bankId = await insertFoodBank(ds, offerPlace, 60);

    const finder = new SqlMatchCandidateFinder(ds);
    const offer = await finder.findOffer(offerId);
    if (offer === undefined) throw new Error('offer not found');
    const matched = (await finder.candidatesForOffer(offer, NOW)).find((candidate) => candidate.site.id === recipient.siteId);
    const allocated = (await new SqlAllocationCandidateSource(ds).load({ coordinatorOrganizationId: bankId, radiusKm: 60 }, DAY, NOW)).distances.find(
      (pair) => pair.offerId === offerId && pair.siteId === recipient.siteId,
    );
    const domain = haversineKm(offerPlace, sitePlace);
    const [{ ellipsoid }]: [{ ellipsoid: number }] = await ds.query(
      `SELECT ST_Distance(ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography) / 1000 AS ellipsoid`,
      [offerPlace.longitude, offerPlace.latitude, sitePlace.longitude, sitePlace.latitude],
    );

    expect(matched?.distanceKm).toBeCloseTo(domain, 6);
    expect(allocated?.distanceKm).toBeCloseTo(domain, 6);
    expect(allocated?.distanceKm).toBeCloseTo(matched?.distanceKm ?? Number.NaN, 9);
    // The test can tell: the ellipsoid's figure for this pair is tens of metres away.
    expect(Math.abs(ellipsoid - domain)).toBeGreaterThan(0.01);
  });

  it('puts the edge of a radius at the same place for matching and allocation', async () => {
    const ds = services.dataSource;
    // Due north, the ellipsoid makes 20 km of the sphere about 8 m shorter: sites 19.990 and 20.000 km away (on the
    // sphere) for recipients with a 19.996 km radius are inside and outside on the sphere, both inside on the ellipsoid.
    const offerPlace = { latitude: 46.0, longitude: 1.0 };
    const kmPerDegree = (Math.PI * 6371.0088) / 180;
    const inside = await insertRecipient(
      ds,
      { latitude: 46.0 + 19.99 / kmPerDegree, longitude: 1.0 },
      { acceptedCategories: ['FOOD'], ambientKg: 100, serviceRadiusKm: 19.996 },
    );
    const outside = await insertRecipient(
      ds,
      { latitude: 46.0 + 20 / kmPerDegree, longitude: 1.0 },
      { acceptedCategories: ['FOOD'], ambientKg: 100, serviceRadiusKm: 19.996 },
    );
    const donorId = await insertOrganization(ds, 'DONOR');
    const { offerId } = await insertOffer(ds, {
      donorOrganizationId: donorId,
      siteId: await insertSite(ds, donorId, offerPlace),
      ...offerPlace,
      status: 'PUBLISHED',
      pickupFrom: new Date('2026-11-23T10:00:00Z'),
      pickupUntil: new Date('2026-11-23T14:00:00Z'),
      items: [{ category: 'FOOD.DRY', kg: 20 }],
    });
    const bankId = await insertFoodBank(ds, offerPlace, 60);

    const finder = new SqlMatchCandidateFinder(ds);
    const offer = await finder.findOffer(offerId);
    if (offer === undefined) throw new Error('offer not found');
    const matchedSites = new Set((await finder.candidatesForOffer(offer, NOW)).map((candidate) => candidate.site.id));
    const allocatedSites = new Set(
      (await new SqlAllocationCandidateSource(ds).load({ coordinatorOrganizationId: bankId, radiusKm: 60 }, DAY, NOW)).distances
        .filter((pair) => pair.offerId === offerId)
        .map((pair) => pair.siteId),
    );
    expect([matchedSites.has(inside.siteId), matchedSites.has(outside.siteId)]).toEqual([true, false]);
    expect([allocatedSites.has(inside.siteId), allocatedSites.has(outside.siteId)]).toEqual([true, false]);
  });
});
