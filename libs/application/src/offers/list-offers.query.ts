import { Injectable } from '@nestjs/common';
import { DomainError, GeoPoint, isOfferStatus, MAX_SERVICE_RADIUS_KM, parseCategoryCode, type OfferStatus } from '#domain';
import type { Actor } from '../auth/actor';
import { decodeOfferCursor, encodeOfferCursor } from './offer-cursor';
import { OfferRepository, type OfferListFilter, type VersionedOffer } from './offer-repository.port';
import { OfferVisibilityPolicy } from './offer-visibility.service';

export const DEFAULT_OFFER_PAGE_SIZE = 20;
export const MAX_OFFER_PAGE_SIZE = 100;

export interface ListOffersQuery {
  readonly actor: Actor | undefined;
  readonly filter?: {
    readonly status?: readonly OfferStatus[] | null;
    readonly near?: { readonly latitude: number; readonly longitude: number } | null;
    readonly radiusKm?: number | null;
    readonly category?: string | null;
  } | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface OfferEdge {
  readonly node: VersionedOffer;
  readonly cursor: string;
}

export interface OfferConnection {
  readonly edges: readonly OfferEdge[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/**
 * Offers the caller may read (OfferVisibility), newest first, filtered by status, distance from a
 * point and category. Field names in errors are those of the `offers` arguments ('filter.radiusKm').
 */
@Injectable()
export class ListOffers {
  constructor(
    private readonly offers: OfferRepository,
    private readonly visibility: OfferVisibilityPolicy,
  ) {}

  async execute(query: ListOffersQuery): Promise<OfferConnection> {
    const visibility = await this.visibility.of(query.actor);
    const first = query.first ?? DEFAULT_OFFER_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_OFFER_PAGE_SIZE) {
      throw new DomainError('INVALID_PAGE_SIZE', 'first', { max: MAX_OFFER_PAGE_SIZE });
    }
    const after = query.after === undefined || query.after === null ? undefined : decodeOfferCursor(query.after, 'after');
    const filter = parseOfferFilter(query.filter ?? {});
    const page = await this.offers.list(filter, visibility, first, after);
    const edges = page.offers.map((node) => ({
      node,
      cursor: encodeOfferCursor({ createdAt: node.offer.createdAt, id: node.offer.id }),
    }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

export function parseOfferFilter(raw: NonNullable<ListOffersQuery['filter']>): OfferListFilter {
  let statuses: OfferStatus[] | undefined;
  if (raw.status !== undefined && raw.status !== null) {
    raw.status.forEach((status, index) => {
      if (!isOfferStatus(status)) throw new DomainError('VALIDATION_FAILED', `filter.status.${index}`, { detail: String(status) });
    });
    statuses = [...new Set(raw.status)];
  }

  let near: OfferListFilter['near'];
  const hasPoint = raw.near !== undefined && raw.near !== null;
  const hasRadius = raw.radiusKm !== undefined && raw.radiusKm !== null;
  if (hasPoint !== hasRadius) {
    // A point without a radius (or the reverse) is a half-finished search, not "everywhere".
    throw new DomainError('VALIDATION_FAILED', hasPoint ? 'filter.radiusKm' : 'filter.near', { detail: 'near and radiusKm go together' });
  }
  if (raw.near !== undefined && raw.near !== null && raw.radiusKm !== undefined && raw.radiusKm !== null) {
    const point = GeoPoint.of(raw.near.latitude, raw.near.longitude, 'filter.near');
    const radiusKm = raw.radiusKm;
    if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_SERVICE_RADIUS_KM) {
      throw new DomainError('INVALID_RADIUS', 'filter.radiusKm', { max: MAX_SERVICE_RADIUS_KM });
    }
    near = { point, radiusKm };
  }

  const category = raw.category === undefined || raw.category === null ? undefined : parseCategoryCode(raw.category, 'filter.category');
  return { ...(statuses ? { statuses } : {}), ...(near ? { near } : {}), ...(category ? { category } : {}) };
}
