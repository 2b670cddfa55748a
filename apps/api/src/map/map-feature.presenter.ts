import type { MapFeatures, MapOffer, MapRecipientSite } from '#application';
import type { OfferStatus, OrganizationKind, TemperatureClass } from '#domain';

/** RFC 7946: positions are [longitude, latitude]. */
export interface GeoJsonPoint {
  readonly type: 'Point';
  readonly coordinates: readonly [number, number];
}

export interface OfferFeatureProperties {
  readonly layer: 'offers';
  readonly id: string;
  readonly title: string;
  readonly status: OfferStatus;
  readonly totalKg: number;
  readonly remainingKg: number;
  readonly temperatures: readonly TemperatureClass[];
  readonly pickupFrom: string;
  readonly pickupUntil: string;
  readonly donorOrganizationId: string;
  readonly donorName: string;
}

/** Public facts only: never capacities, members or contacts. */
export interface RecipientSiteFeatureProperties {
  readonly layer: 'recipients';
  readonly siteId: string;
  readonly siteName: string;
  readonly organizationId: string;
  readonly organizationName: string;
  readonly kind: OrganizationKind;
  readonly verified: boolean;
}

export interface GeoJsonFeature<P> {
  readonly type: 'Feature';
  readonly id: string;
  readonly geometry: GeoJsonPoint;
  readonly properties: P;
}

export interface MapFeatureCollection {
  readonly type: 'FeatureCollection';
  readonly bbox: readonly [number, number, number, number];
  readonly features: ReadonlyArray<GeoJsonFeature<OfferFeatureProperties> | GeoJsonFeature<RecipientSiteFeatureProperties>>;
  /** A foreign member (RFC 7946 §6.1), present only when features were left out: zoom in. */
  readonly truncated?: true;
}

function point(longitude: number, latitude: number): GeoJsonPoint {
  return { type: 'Point', coordinates: [longitude, latitude] };
}

export function offerFeature(offer: MapOffer): GeoJsonFeature<OfferFeatureProperties> {
  return {
    type: 'Feature',
    id: offer.id,
    geometry: point(offer.longitude, offer.latitude),
    properties: {
      layer: 'offers',
      id: offer.id,
      title: offer.title,
      status: offer.status,
      totalKg: offer.totalKg,
      remainingKg: offer.remainingKg,
      temperatures: offer.temperatures,
      pickupFrom: offer.pickupFrom.toISOString(),
      pickupUntil: offer.pickupUntil.toISOString(),
      donorOrganizationId: offer.donorOrganizationId,
      donorName: offer.donorName,
    },
  };
}

export function recipientSiteFeature(site: MapRecipientSite): GeoJsonFeature<RecipientSiteFeatureProperties> {
  return {
    type: 'Feature',
    id: site.siteId,
    geometry: point(site.longitude, site.latitude),
    properties: {
      layer: 'recipients',
      siteId: site.siteId,
      siteName: site.siteName,
      organizationId: site.organizationId,
      organizationName: site.organizationName,
      kind: site.kind,
      verified: site.verified,
    },
  };
}

export function presentMapFeatures(features: MapFeatures): MapFeatureCollection {
  const { box } = features;
  return {
    type: 'FeatureCollection',
    bbox: [box.minLongitude, box.minLatitude, box.maxLongitude, box.maxLatitude],
    features: [...features.offers.map(offerFeature), ...features.recipientSites.map(recipientSiteFeature)],
    ...(features.truncated ? { truncated: true as const } : {}),
  };
}
