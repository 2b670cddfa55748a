import { OfferStatus, OrganizationKind, TemperatureClass } from '#domain';
import { presentMapFeatures } from './map-feature.presenter';

const box = { minLongitude: 4.7, minLatitude: 45.6, maxLongitude: 5, maxLatitude: 45.9 };
const offer = {
  id: 'o1',
  title: 'Yaourts',
  status: OfferStatus.PARTIALLY_CLAIMED,
  totalKg: 30,
  remainingKg: 12.5,
  temperatures: [TemperatureClass.CHILLED],
  pickupFrom: new Date('2026-11-23T10:00:00Z'),
  pickupUntil: new Date('2026-11-23T14:00:00Z'),
  donorOrganizationId: 'd1',
  donorName: 'Boulangerie du Parc',
  longitude: 4.85,
  latitude: 45.75,
};
const site = {
  siteId: 's1',
  siteName: 'Local rue Garibaldi',
  organizationId: 'r1',
  organizationName: 'Épicerie solidaire',
  kind: OrganizationKind.RECIPIENT,
  verified: true,
  longitude: 4.84,
  latitude: 45.76,
};

describe('presentMapFeatures', () => {
  it('writes an RFC 7946 FeatureCollection: [longitude, latitude] points, the bbox west,south,east,north', () => {
    const collection = presentMapFeatures({ box, offers: [offer], recipientSites: [site], truncated: false });
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.bbox).toEqual([4.7, 45.6, 5, 45.9]);
    expect(collection.features.map((feature) => feature.geometry)).toEqual([
      { type: 'Point', coordinates: [4.85, 45.75] },
      { type: 'Point', coordinates: [4.84, 45.76] },
    ]);
    expect('truncated' in collection).toBe(false);
  });

  it('describes an offer by what a map shows, with ISO instants', () => {
    const [feature] = presentMapFeatures({ box, offers: [offer], recipientSites: [], truncated: false }).features;
    expect(feature).toEqual({
      type: 'Feature',
      id: 'o1',
      geometry: { type: 'Point', coordinates: [4.85, 45.75] },
      properties: {
        layer: 'offers',
        id: 'o1',
        title: 'Yaourts',
        status: 'PARTIALLY_CLAIMED',
        totalKg: 30,
        remainingKg: 12.5,
        temperatures: ['CHILLED'],
        pickupFrom: '2026-11-23T10:00:00.000Z',
        pickupUntil: '2026-11-23T14:00:00.000Z',
        donorOrganizationId: 'd1',
        donorName: 'Boulangerie du Parc',
      },
    });
  });

  it('describes a recipient site by public facts only', () => {
    const [feature] = presentMapFeatures({ box, offers: [], recipientSites: [site], truncated: false }).features;
    expect(Object.keys(feature?.properties ?? {}).sort()).toEqual(['kind', 'layer', 'organizationId', 'organizationName', 'siteId', 'siteName', 'verified']);
  });

  it('adds the truncated foreign member only when features were left out', () => {
    expect(presentMapFeatures({ box, offers: [], recipientSites: [], truncated: true }).truncated).toBe(true);
  });
});
