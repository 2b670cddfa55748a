/**
 * Why a recipient may or may not receive a lot, and why it ranks where it does. The code is for
 * machines (the API, tests, analytics); the two sentences are for the people on each side.
 */
export const MATCH_REASON_CODES = [
  'RECIPIENT_VERIFIED',
  'RECIPIENT_NOT_VERIFIED',
  'WITHIN_RADIUS',
  'OUTSIDE_RADIUS',
  'OPEN_ON_PICKUP_DAY',
  'CLOSED_ON_PICKUP_DAY',
  'RECEIVING_HOURS_OVERLAP',
  'NO_RECEIVING_HOURS_OVERLAP',
  'CATEGORIES_ACCEPTED',
  'CATEGORY_NOT_ACCEPTED',
  'CAPACITY_AVAILABLE',
  'NO_CAPACITY',
  'NOTHING_LEFT',
  'DLC_MARGIN_MET',
  'DLC_MARGIN_TOO_SHORT',
  'DLC_EXPIRED',
  'DLC_DATE_MISSING',
  'DDM_BEFORE_DATE',
  'DDM_PAST_DATE',
  'UNDATED',
  'NO_ELIGIBLE_ITEM',
  'SCORE_DISTANCE',
  'SCORE_URGENCY',
  'SCORE_CAPACITY_FIT',
  'SCORE_FAIRNESS',
  'DISTANCE',
  'TAKES_WHOLE_LOT',
  'TAKES_PART_OF_LOT',
] as const;

export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

/** PASS and FAIL decide eligibility; INFO explains (a DDM past its date, a score contributor). */
export type MatchReasonVerdict = 'PASS' | 'FAIL' | 'INFO';

export interface MatchReason {
  readonly code: MatchReasonCode;
  readonly verdict: MatchReasonVerdict;
  /** Set when the reason is about one item rather than the whole offer. */
  readonly itemId?: string;
  readonly fr: string;
  readonly en: string;
  /** The figures quoted in the sentences, for clients that word things themselves. */
  readonly params: Readonly<Record<string, string | number>>;
}
