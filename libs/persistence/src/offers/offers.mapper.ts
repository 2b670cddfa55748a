import type { OfferClaim } from '#application';
import {
  GeoPoint,
  isAllergen,
  isCalendarDay,
  isClaimStatus,
  isDateKind,
  isOfferStatus,
  isRefusalReason,
  isValidGtin,
  Offer,
  TEMPERATURE_CLASSES,
  type Allergen,
  type ClaimStatus,
  type DateKind,
  type Gtin,
  type OfferExpiryReason,
  type OfferItem,
  type OfferStatus,
  type RefusalReason,
  type TemperatureClass,
} from '#domain';
import type { Point } from 'typeorm';
import type { ClaimLineEntity } from './claim-line.entity';
import type { ClaimEntity } from './claim.entity';
import type { OfferItemEntity } from './offer-item.entity';
import type { OfferEntity } from './offer.entity';

// Stored rows passed the domain's rules when written (and the table checks); a row that no longer
// does is a bug or a hand edit, reported as such rather than as a client's bad input.
function corrupt(what: string, value: unknown): never {
  throw new Error(`Stored ${what} is invalid: ${String(value)}`);
}

function toOfferStatus(value: string): OfferStatus {
  return isOfferStatus(value) ? value : corrupt('offer status', value);
}

export function toRefusalReason(value: string): RefusalReason {
  return isRefusalReason(value) ? value : corrupt('refusal reason', value);
}

export function toTemperature(value: string): TemperatureClass {
  return (TEMPERATURE_CLASSES as readonly string[]).includes(value) ? (value as TemperatureClass) : corrupt('temperature class', value);
}

function toDateKind(value: string): DateKind {
  return isDateKind(value) ? value : corrupt('date kind', value);
}

export function toClaimStatus(value: string): ClaimStatus {
  return isClaimStatus(value) ? value : corrupt('claim status', value);
}

function toExpiryReason(value: string | null): OfferExpiryReason | null {
  if (value === null || value === 'WINDOW_OVER' || value === 'NO_DLC_MARGIN_LEFT') return value;
  return corrupt('expiry reason', value);
}

/** pg hands back numeric as a string when read through raw queries; entities convert already. */
export function kg(value: number | string): number {
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : corrupt('quantity', value);
}

export function toGeoPoint(point: Point): GeoPoint {
  const [longitude, latitude] = point.coordinates;
  if (longitude === undefined || latitude === undefined) corrupt('offer location', JSON.stringify(point));
  return GeoPoint.of(latitude, longitude);
}

/** GeoJSON order is longitude, latitude. */
export function toPoint(location: GeoPoint): Point {
  return { type: 'Point', coordinates: [location.longitude, location.latitude] };
}

export function toOfferItem(row: OfferItemEntity): OfferItem {
  const date = row.date;
  if (date !== null && !isCalendarDay(date)) corrupt('item date', date);
  const allergens = row.allergens.map((code): Allergen => (isAllergen(code) ? code : corrupt('allergen', code)));
  if (row.gtin !== null && !isValidGtin(row.gtin)) corrupt('GTIN', row.gtin);
  return {
    id: row.id,
    category: row.category,
    description: row.description,
    quantityKg: kg(row.quantityKg),
    remainingKg: kg(row.remainingKg),
    temperature: toTemperature(row.temperature),
    dateKind: toDateKind(row.dateKind),
    date,
    allergens,
    gtin: row.gtin as Gtin | null,
    lotNumber: row.lotNumber,
    unitCostCents: row.unitCostCents,
  };
}

/** The aggregate from its row and its items (any order: sorted by position here). */
export function toOffer(row: OfferEntity, items: readonly OfferItemEntity[]): Offer {
  const sorted = [...items].sort((a, b) => a.position - b.position);
  return Offer.restore({
    id: row.id,
    donorOrganizationId: row.donorOrganizationId,
    siteId: row.siteId,
    title: row.title,
    status: toOfferStatus(row.status),
    items: sorted.map(toOfferItem),
    pickupFrom: row.pickupFrom,
    pickupUntil: row.pickupUntil,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    statusChangedAt: row.statusChangedAt,
    withdrawalReason: row.withdrawalReason,
    expiryReason: toExpiryReason(row.expiryReason),
  });
}

export function toOfferEntity(offer: Offer, details: { location: GeoPoint; createdBy: string | null; version: number }): OfferEntity {
  const snapshot = offer.toSnapshot();
  return {
    id: snapshot.id,
    donorOrganizationId: snapshot.donorOrganizationId,
    siteId: snapshot.siteId,
    createdBy: details.createdBy,
    title: snapshot.title,
    status: snapshot.status,
    pickupFrom: snapshot.pickupFrom,
    pickupUntil: snapshot.pickupUntil,
    location: toPoint(details.location),
    totalKg: offer.totalKg,
    remainingKg: offer.remainingKg,
    createdAt: snapshot.createdAt,
    publishedAt: snapshot.publishedAt,
    statusChangedAt: snapshot.statusChangedAt,
    withdrawalReason: snapshot.withdrawalReason,
    expiryReason: snapshot.expiryReason,
    version: details.version,
  };
}

export function toOfferItemEntities(offer: Offer): OfferItemEntity[] {
  return offer.items.map((item, position) => ({
    id: item.id,
    offerId: offer.id,
    position,
    category: item.category,
    description: item.description,
    quantityKg: item.quantityKg,
    remainingKg: item.remainingKg,
    temperature: item.temperature,
    dateKind: item.dateKind,
    date: item.date,
    allergens: [...item.allergens],
    gtin: item.gtin,
    lotNumber: item.lotNumber,
    unitCostCents: item.unitCostCents,
  }));
}

export function toOfferClaim(row: ClaimEntity, lines: readonly ClaimLineEntity[]): OfferClaim {
  return {
    id: row.id,
    offerId: row.offerId,
    recipientOrganizationId: row.recipientOrganizationId,
    status: toClaimStatus(row.status),
    pickupDay: row.pickupDay,
    totalKg: kg(row.totalKg),
    createdAt: row.createdAt,
    lines: lines.map((line) => ({ itemId: line.offerItemId, quantityKg: kg(line.quantityKg), temperature: toTemperature(line.temperature) })),
    refusal:
      row.refusalReason === null || row.refusedKg === null
        ? null
        : { reason: toRefusalReason(row.refusalReason), detail: row.refusalNote, kg: kg(row.refusedKg) },
  };
}
