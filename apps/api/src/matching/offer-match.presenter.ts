import { reasonsToTell, type OfferMatchResult } from '#application';
import type { Language } from '../errors/error-messages';
import type { OfferMatchType } from './offer-match.type';

export function presentOfferMatch(match: OfferMatchResult, language: Language): OfferMatchType {
  return {
    offerId: match.offerId,
    recipientOrganizationId: match.recipientOrganizationId,
    siteId: match.siteId,
    distanceKm: Math.round(match.distanceKm * 1000) / 1000,
    score: match.score,
    rank: match.rank,
    absorbableKg: match.absorbableKg,
    reasons: reasonsToTell(match.reasons).map((reason) => (language === 'en' ? reason.en : reason.fr)),
  };
}
