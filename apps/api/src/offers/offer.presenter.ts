import type { OfferClaim, VersionedOffer } from '#application';
import type { OfferItem } from '#domain';
import type { ClaimType, OfferItemType, OfferType } from './offer.type';

// Application models to GraphQL shapes: resolvers never hand out what persistence returned.

export function presentOfferItem(item: OfferItem): OfferItemType {
  return {
    id: item.id,
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
  };
}

export function presentOffer({ offer, location }: VersionedOffer): OfferType {
  return {
    id: offer.id,
    title: offer.title,
    status: offer.status,
    items: offer.items.map(presentOfferItem),
    pickupFrom: offer.pickupFrom,
    pickupUntil: offer.pickupUntil,
    totalKg: offer.totalKg,
    remainingKg: offer.remainingKg,
    location: location.toJSON(),
    createdAt: offer.createdAt,
    publishedAt: offer.publishedAt,
    withdrawalReason: offer.withdrawalReason,
    expiryReason: offer.expiryReason,
    donorOrganizationId: offer.donorOrganizationId,
    siteId: offer.siteId,
  };
}

/** A claim with its lines' items taken from its offer (a claim only ever holds items of its offer). */
export function presentClaim(claim: OfferClaim, offer: OfferType): ClaimType {
  const items = new Map(offer.items.map((item) => [item.id, item]));
  return {
    id: claim.id,
    status: claim.status,
    totalKg: claim.totalKg,
    refusal: claim.refusal === null ? null : { ...claim.refusal },
    pickupDay: claim.pickupDay,
    createdAt: claim.createdAt,
    offerId: claim.offerId,
    recipientOrganizationId: claim.recipientOrganizationId,
    offer,
    lines: claim.lines.map((line) => {
      const item = items.get(line.itemId);
      if (item === undefined) throw new Error(`claim ${claim.id} holds item ${line.itemId}, which is not in offer ${offer.id}`);
      return { item, quantityKg: line.quantityKg };
    }),
  };
}
