import type { DisclosedOfferMatch } from '#application';
import type { Language } from '../errors/error-messages';
import type { OfferMatchType } from './offer-match.type';

/** A match as the use case disclosed it to the caller; only the language is chosen here. */
export function presentOfferMatch(match: DisclosedOfferMatch, language: Language): OfferMatchType {
  return {
    offerId: match.offerId,
    recipientOrganizationId: match.recipientOrganizationId,
    siteId: match.siteId,
    distanceKm: Math.round(match.distanceKm * 1000) / 1000,
    score: match.score,
    rank: match.rank,
    fit: match.fit,
    absorbableKg: match.absorbableKg ?? null,
    reasons: match.reasons.map((reason) => (language === 'en' ? reason.en : reason.fr)),
  };
}
