import { Injectable } from '@nestjs/common';
import { MapFeatureSource, type BoundingBox, type MapOffer, type MapRecipientSite } from '#application';
import { isOfferStatus, TEMPERATURE_CLASSES, type TemperatureClass } from '#domain';
import { DataSource } from 'typeorm';
import { toOrganizationKind } from '../organizations/organizations.mapper';
import { currentManager } from '../transactions/transaction-scope';
import { MAP_OPEN_OFFERS_SQL, MAP_RECIPIENT_SITES_SQL } from './map-feature.sql';

interface OfferRow {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly total_kg: number;
  readonly remaining_kg: number;
  readonly pickup_from: Date;
  readonly pickup_until: Date;
  readonly donor_organization_id: string;
  readonly donor_name: string;
  readonly longitude: number;
  readonly latitude: number;
  readonly temperatures: readonly string[];
}

interface SiteRow {
  readonly site_id: string;
  readonly site_name: string;
  readonly organization_id: string;
  readonly organization_name: string;
  readonly kind: string;
  readonly verified: boolean;
  readonly longitude: number;
  readonly latitude: number;
}

// Stored rows passed the domain's rules when written; one that no longer does is a bug or a hand edit.
function corrupt(what: string, value: unknown): never {
  throw new Error(`Stored ${what} is invalid: ${JSON.stringify(value)}`);
}

/** See map-feature.sql.ts. */
@Injectable()
export class SqlMapFeatureSource extends MapFeatureSource {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    return currentManager(this.dataSource).query<T[]>(sql, parameters);
  }

  async openOffersWithin(box: BoundingBox, now: Date, limit: number): Promise<MapOffer[]> {
    const rows = await this.query<OfferRow>(MAP_OPEN_OFFERS_SQL, [...corners(box), now, limit]);
    return rows.map((row) => {
      if (!isOfferStatus(row.status)) corrupt('offer status', row.status);
      const present = new Set(row.temperatures);
      return {
        id: row.id,
        title: row.title,
        status: row.status,
        totalKg: Number(row.total_kg),
        remainingKg: Number(row.remaining_kg),
        temperatures: TEMPERATURE_CLASSES.filter((temperature: TemperatureClass) => present.has(temperature)),
        pickupFrom: row.pickup_from,
        pickupUntil: row.pickup_until,
        donorOrganizationId: row.donor_organization_id,
        donorName: row.donor_name,
        longitude: Number(row.longitude),
        latitude: Number(row.latitude),
      };
    });
  }

  async recipientSitesWithin(box: BoundingBox, limit: number): Promise<MapRecipientSite[]> {
    const rows = await this.query<SiteRow>(MAP_RECIPIENT_SITES_SQL, [...corners(box), limit]);
    return rows.map((row) => ({
      siteId: row.site_id,
      siteName: row.site_name,
      organizationId: row.organization_id,
      organizationName: row.organization_name,
      kind: toOrganizationKind(row.kind),
      verified: row.verified,
      longitude: Number(row.longitude),
      latitude: Number(row.latitude),
    }));
  }
}

function corners(box: BoundingBox): [number, number, number, number] {
  return [box.minLongitude, box.minLatitude, box.maxLongitude, box.maxLatitude];
}
