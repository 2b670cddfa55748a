import { DomainError, OfferStatus, OrganizationKind, TemperatureClass } from '#domain';
import type { Actor } from '../auth/actor';
import { FixedClock } from '../ports/clock.port';
import { UnlimitedRateLimiter } from '../ports/rate-limiter.port';
import type { BoundingBox } from './bounding-box';
import { GetMapFeatures, MAX_MAP_FEATURES } from './get-map-features.query';
import { MapAccessPolicy } from './map-access.policy';
import { MapFeatureSource, type MapOffer, type MapRecipientSite } from './map-feature-source.port';

const NOW = new Date('2026-11-23T08:00:00Z');

/** Lets everyone in, or no one: the rule itself is map-access.policy.spec's business. */
class FixedAccess extends MapAccessPolicy {
  checked = 0;

  constructor(private readonly allowed: boolean) {
    super(undefined as never, undefined as never);
  }

  override async assertMayRead(_actor: Actor): Promise<void> {
    this.checked += 1;
    if (!this.allowed) throw new DomainError('FORBIDDEN');
  }
}

function mapQuery(source: MapFeatureSource, access = new FixedAccess(true)): GetMapFeatures {
  return new GetMapFeatures(source, new FixedClock(NOW), access, new UnlimitedRateLimiter());
}

/** Holds features and answers like the SQL: in the box, in order, at most `limit`. */
class InMemoryMapFeatures extends MapFeatureSource {
  readonly limits: number[] = [];

  constructor(
    private readonly offers: MapOffer[],
    private readonly sites: MapRecipientSite[],
  ) {
    super();
  }

  async openOffersWithin(box: BoundingBox, now: Date, limit: number): Promise<MapOffer[]> {
    this.limits.push(limit);
    return this.offers.filter((offer) => inside(box, offer) && offer.pickupUntil > now).slice(0, limit);
  }

  async recipientSitesWithin(box: BoundingBox, limit: number): Promise<MapRecipientSite[]> {
    this.limits.push(limit);
    return this.sites.filter((site) => inside(box, site)).slice(0, limit);
  }
}

function inside(box: BoundingBox, point: { longitude: number; latitude: number }): boolean {
  return point.longitude >= box.minLongitude && point.longitude <= box.maxLongitude && point.latitude >= box.minLatitude && point.latitude <= box.maxLatitude;
}

function offer(n: number, longitude = 4.85, latitude = 45.75): MapOffer {
  return {
    id: `offer-${n}`,
    title: `Lot ${n}`,
    status: OfferStatus.PUBLISHED,
    totalKg: 10,
    remainingKg: 10,
    temperatures: [TemperatureClass.AMBIENT],
    pickupFrom: NOW,
    pickupUntil: new Date(NOW.getTime() + 3_600_000),
    donorOrganizationId: 'donor',
    donorName: 'Boulangerie',
    longitude,
    latitude,
  };
}

function site(n: number): MapRecipientSite {
  return {
    siteId: `site-${n}`,
    siteName: 'Local',
    organizationId: `org-${n}`,
    organizationName: 'Épicerie',
    kind: OrganizationKind.RECIPIENT,
    verified: true,
    longitude: 4.84,
    latitude: 45.76,
  };
}

const ACTOR = { userId: '00000000-0000-4000-8000-000000000001', platformAdmin: false, emailVerified: true };
const BBOX = '4.7,45.6,5.0,45.9';

describe('GetMapFeatures', () => {
  it('needs a signed-in caller', async () => {
    const query = mapQuery(new InMemoryMapFeatures([], []));
    await expect(query.execute({ actor: undefined, bbox: BBOX })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('validates the box before reading anything', async () => {
    const source = new InMemoryMapFeatures([], []);
    const query = mapQuery(source);
    await expect(query.execute({ actor: ACTOR, bbox: '0,40,10,41' })).rejects.toBeInstanceOf(DomainError);
    expect(source.limits).toEqual([]);
  });

  it('checks who may read the map after the parameters, before reading anything', async () => {
    const source = new InMemoryMapFeatures([offer(1)], [site(1)]);
    const closed = new FixedAccess(false);
    await expect(mapQuery(source, closed).execute({ actor: ACTOR, bbox: '0,40,10,41' })).rejects.toMatchObject({ code: 'BBOX_TOO_LARGE' });
    expect(closed.checked).toBe(0);
    await expect(mapQuery(source, closed).execute({ actor: ACTOR, bbox: BBOX })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(source.limits).toEqual([]);
  });

  it('returns both layers in the box, not truncated', async () => {
    const query = mapQuery(new InMemoryMapFeatures([offer(1), offer(2, 2.35, 48.85)], [site(1)]));
    const features = await query.execute({ actor: ACTOR, bbox: BBOX });
    expect(features.offers.map((found) => found.id)).toEqual(['offer-1']);
    expect(features.recipientSites.map((found) => found.siteId)).toEqual(['site-1']);
    expect(features.truncated).toBe(false);
  });

  it('reads only the layers asked for', async () => {
    const source = new InMemoryMapFeatures([offer(1)], [site(1)]);
    const features = await mapQuery(source).execute({ actor: ACTOR, bbox: BBOX, layers: 'recipients' });
    expect(features.offers).toEqual([]);
    expect(features.recipientSites).toHaveLength(1);
  });

  it(`cuts at ${MAX_MAP_FEATURES} features, offers first, and says so`, async () => {
    const offers = Array.from({ length: MAX_MAP_FEATURES - 1 }, (_, n) => offer(n));
    const source = new InMemoryMapFeatures(offers, [site(1), site(2)]);
    const features = await mapQuery(source).execute({ actor: ACTOR, bbox: BBOX });
    expect(features.offers).toHaveLength(MAX_MAP_FEATURES - 1);
    expect(features.recipientSites).toHaveLength(1);
    expect(features.truncated).toBe(true);
    expect(source.limits).toEqual([MAX_MAP_FEATURES + 1, 2]);
  });

  it('is not truncated when the features fill the budget exactly', async () => {
    const offers = Array.from({ length: MAX_MAP_FEATURES }, (_, n) => offer(n));
    const features = await mapQuery(new InMemoryMapFeatures(offers, [])).execute({ actor: ACTOR, bbox: BBOX });
    expect(features.offers).toHaveLength(MAX_MAP_FEATURES);
    expect(features.truncated).toBe(false);
  });
});
