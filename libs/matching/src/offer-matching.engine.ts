import { assessEligibility, type EligibilityAssessment, type EligibleItem } from './eligibility.policy';
import { matchFit, type MatchFit } from './match-fit';
import type { MatchReason } from './match-reason.type';
import { rankMatches, scoreMatch, urgencyHoursLeft, type MatchScore } from './match-score.policy';
import type { EligibilityContext, MatchableOffer, MatchableRecipient } from './matching-input.type';

/** What the fairness component needs to know of a recipient's recent history. */
export interface RecipientHistory {
  readonly kgReceivedLast28Days: number;
  /** 0 when unknown. */
  readonly peopleServedPerWeek: number;
}

export interface MatchCandidate {
  readonly recipient: MatchableRecipient;
  readonly context: EligibilityContext;
  readonly history: RecipientHistory;
}

export interface RankedMatch {
  readonly offerId: string;
  readonly recipientId: string;
  /** 1 for the best match. */
  readonly rank: number;
  readonly score: number;
  readonly scoreDetail: MatchScore;
  readonly eligibleItems: readonly EligibleItem[];
  readonly absorbableKg: number;
  /** Whether absorbableKg covers every kg left of the offer. */
  readonly fit: MatchFit;
  readonly hoursLeft: number;
  /** Score contributors first (why it ranks here), then the eligibility reasons (items refused included). */
  readonly reasons: readonly MatchReason[];
}

export interface OfferMatching {
  readonly matches: readonly RankedMatch[];
  /** Recipients that may not receive the offer, with the reasons (in candidate order). */
  readonly rejected: readonly EligibilityAssessment[];
}

/**
 * The one engine behind offerMatches (a donor's view), claimableOffers (a recipient's view, one
 * call per offer) and the broadcast cascade: eligibility, then the score, then the order.
 */
export function matchOffer(offer: MatchableOffer, candidates: readonly MatchCandidate[]): OfferMatching {
  const scored: Omit<RankedMatch, 'rank'>[] = [];
  const rejected: EligibilityAssessment[] = [];
  for (const candidate of candidates) {
    const assessment = assessEligibility(offer, candidate.recipient, candidate.context);
    if (!assessment.eligible) {
      rejected.push(assessment);
      continue;
    }
    const hoursLeft = urgencyHoursLeft(offer.pickupUntil, assessment.eligibleItems, candidate.context.now);
    const offerKg = offer.items.reduce((sum, item) => sum + Math.max(0, item.remainingKg), 0);
    const scoreDetail = scoreMatch({
      recipientId: candidate.recipient.id,
      distanceKm: candidate.context.distanceKm,
      serviceRadiusKm: candidate.recipient.serviceRadiusKm,
      hoursLeft,
      offerKg,
      absorbableKg: assessment.absorbableKg,
      kgReceivedLast28Days: candidate.history.kgReceivedLast28Days,
      peopleServedPerWeek: candidate.history.peopleServedPerWeek,
    });
    scored.push({
      offerId: offer.id,
      recipientId: candidate.recipient.id,
      score: scoreDetail.score,
      scoreDetail,
      eligibleItems: assessment.eligibleItems,
      absorbableKg: assessment.absorbableKg,
      fit: matchFit(assessment.absorbableKg, offerKg),
      hoursLeft,
      reasons: [...scoreDetail.reasons, ...assessment.reasons],
    });
  }
  const matches = rankMatches(scored).map((match, index) => ({ ...match, rank: index + 1 }));
  return { matches, rejected };
}
