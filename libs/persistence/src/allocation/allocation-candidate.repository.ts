import { Injectable } from '@nestjs/common';
import {
  AllocationCandidateSource,
  type AllocationArea,
  type AllocationCandidateCounts,
  type AllocationCandidates,
  type AllocationCoordinator,
  type AllocationOffer,
  type AllocationRecipient,
  type AllocationSiteDistance,
} from '#application';
import { endOfParisDayExclusive, startOfParisDay, TemperatureClass, type CalendarDay } from '#domain';
import { DataSource } from 'typeorm';
import { TimetableCache, toClaimedByDay, toMatchableItem, type StoredMatchItem } from '../matching/match-candidate.mapper';
import { toOrganizationKind } from '../organizations/organizations.mapper';
import { isUuid } from '../organizations/uuid';
import { currentManager } from '../transactions/transaction-scope';
import { AREA_OFFERS_SQL, AREA_RECIPIENTS_SQL, COORDINATOR_SQL, COUNT_CANDIDATES_SQL, PAIR_DISTANCES_SQL } from './allocation.sql';

interface CoordinatorRow {
  readonly id: string;
  readonly kind: string;
  readonly verified: boolean;
  readonly service_radius_km: number | null;
  readonly site_count: number;
}

interface OfferRow {
  readonly id: string;
  readonly donor_organization_id: string;
  readonly pickup_from: Date;
  readonly pickup_until: Date;
  readonly latitude: number;
  readonly longitude: number;
  readonly items: readonly StoredMatchItem[] | null;
}

interface StoredSite {
  readonly siteId: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly openingHours: string;
  readonly closures: string;
}

interface RecipientRow {
  readonly id: string;
  readonly accepted_categories: readonly string[];
  readonly ambient_capacity_kg: number;
  readonly chilled_capacity_kg: number;
  readonly frozen_capacity_kg: number;
  readonly service_radius_km: number;
  readonly dlc_margin_hours: number;
  readonly sites: readonly StoredSite[] | null;
  readonly claimed: ReadonlyArray<readonly [string, number]> | null;
}

interface DistanceRow {
  readonly offer_id: string;
  readonly organization_id: string;
  readonly site_id: string;
  readonly distance_km: number;
}

/** See allocation.sql.ts. */
@Injectable()
export class SqlAllocationCandidateSource extends AllocationCandidateSource {
  private readonly timetables = new TimetableCache();

  constructor(private readonly dataSource: DataSource) {
    super();
  }

  private query<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    return currentManager(this.dataSource).query<T[]>(sql, parameters);
  }

  async findCoordinator(organizationId: string): Promise<AllocationCoordinator | undefined> {
    if (!isUuid(organizationId)) return undefined;
    const [row] = await this.query<CoordinatorRow>(COORDINATOR_SQL, [organizationId]);
    if (row === undefined) return undefined;
    return {
      organizationId: row.id,
      kind: toOrganizationKind(row.kind),
      verified: row.verified,
      serviceRadiusKm: row.service_radius_km === null ? null : Number(row.service_radius_km),
      siteCount: Number(row.site_count),
    };
  }

  async count(area: AllocationArea, day: CalendarDay, now: Date): Promise<AllocationCandidateCounts> {
    const [row] = await this.query<{ items: number; recipients: number }>(COUNT_CANDIDATES_SQL, this.offerParameters(area, day, now));
    return { items: Number(row?.items ?? 0), recipients: Number(row?.recipients ?? 0) };
  }

  async load(area: AllocationArea, day: CalendarDay, now: Date): Promise<AllocationCandidates> {
    const offerRows = await this.query<OfferRow>(AREA_OFFERS_SQL, this.offerParameters(area, day, now));
    const recipientRows = await this.query<RecipientRow>(AREA_RECIPIENTS_SQL, [area.coordinatorOrganizationId, area.radiusKm, day]);
    const offers = offerRows.map(toAllocationOffer);
    const recipients = recipientRows.map((row) => this.toAllocationRecipient(row, day));
    const siteIds = recipients.flatMap((recipient) => recipient.sites.map((site) => site.siteId));
    const distances =
      offers.length === 0 || siteIds.length === 0
        ? []
        : (await this.query<DistanceRow>(PAIR_DISTANCES_SQL, [offers.map((offer) => offer.id), siteIds])).map((row): AllocationSiteDistance => ({
            offerId: row.offer_id,
            recipientOrganizationId: row.organization_id,
            siteId: row.site_id,
            distanceKm: Number(row.distance_km),
          }));
    return { offers, recipients, distances };
  }

  private offerParameters(area: AllocationArea, day: CalendarDay, now: Date): unknown[] {
    return [area.coordinatorOrganizationId, area.radiusKm, now, startOfParisDay(day), endOfParisDayExclusive(day)];
  }

  private toAllocationRecipient(row: RecipientRow, day: CalendarDay): AllocationRecipient {
    const claimed = toClaimedByDay((row.claimed ?? []).map(([temperature, kg]) => [day, temperature, kg] as const)).get(day) ?? {};
    return {
      organizationId: row.id,
      acceptedCategoryCodes: row.accepted_categories,
      serviceRadiusKm: Number(row.service_radius_km),
      dlcMarginHours: Number(row.dlc_margin_hours),
      dailyCapacityKg: {
        [TemperatureClass.AMBIENT]: Number(row.ambient_capacity_kg),
        [TemperatureClass.CHILLED]: Number(row.chilled_capacity_kg),
        [TemperatureClass.FROZEN]: Number(row.frozen_capacity_kg),
      },
      claimedKgOnDay: claimed,
      sites: (row.sites ?? []).map((site) => ({
        siteId: site.siteId,
        location: { latitude: Number(site.latitude), longitude: Number(site.longitude) },
        // Shared parse cache: sites with the same hours hand the same objects to the window resolver.
        openingHours: this.timetables.openingHours(site.openingHours),
        closures: this.timetables.closurePeriods(site.closures),
      })),
    };
  }
}

function toAllocationOffer(row: OfferRow): AllocationOffer {
  return {
    id: row.id,
    donorOrganizationId: row.donor_organization_id,
    // One object per offer: the allocator groups items by donor site on object identity.
    location: { latitude: Number(row.latitude), longitude: Number(row.longitude) },
    pickupFrom: row.pickup_from,
    pickupUntil: row.pickup_until,
    items: (row.items ?? []).map(toMatchableItem).map((item) => ({
      id: item.id,
      categoryCode: item.categoryCode,
      remainingKg: item.remainingKg,
      temperature: item.temperature,
      dateKind: item.dateKind,
      date: item.date,
    })),
  };
}
