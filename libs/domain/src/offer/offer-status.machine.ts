import { DomainError } from '../errors/domain-error';
import { OfferStatus } from '../shared/offer-status';

/**
 * What can happen to an offer. Claims come in two events because the resulting status depends on
 * what remains: CLAIM_PART leaves some quantity unclaimed, CLAIM_ALL takes the last of it. Likewise a
 * cancelled claim is RELEASE_PART when other claims still hold goods, RELEASE_ALL when none do.
 */
export const OfferEvent = {
  PUBLISH: 'PUBLISH',
  CLAIM_PART: 'CLAIM_PART',
  CLAIM_ALL: 'CLAIM_ALL',
  RELEASE_PART: 'RELEASE_PART',
  RELEASE_ALL: 'RELEASE_ALL',
  COLLECT: 'COLLECT',
  CLOSE: 'CLOSE',
  WITHDRAW: 'WITHDRAW',
  EXPIRE: 'EXPIRE',
} as const;
export type OfferEvent = (typeof OfferEvent)[keyof typeof OfferEvent];
export const OFFER_EVENTS: readonly OfferEvent[] = Object.values(OfferEvent);

type TransitionTable = { readonly [S in OfferStatus]: Readonly<Partial<Record<OfferEvent, OfferStatus>>> };

/**
 * The whole lifecycle; any pair not listed is illegal. Withdrawal stops before collection (goods
 * that left the site cannot be un-given); expiry only touches offers still open to claims, since a
 * fully claimed offer is the claims' to settle.
 */
export const OFFER_TRANSITIONS: TransitionTable = {
  DRAFT: {
    PUBLISH: OfferStatus.PUBLISHED,
    WITHDRAW: OfferStatus.WITHDRAWN,
  },
  PUBLISHED: {
    CLAIM_PART: OfferStatus.PARTIALLY_CLAIMED,
    CLAIM_ALL: OfferStatus.CLAIMED,
    WITHDRAW: OfferStatus.WITHDRAWN,
    EXPIRE: OfferStatus.EXPIRED,
  },
  PARTIALLY_CLAIMED: {
    CLAIM_PART: OfferStatus.PARTIALLY_CLAIMED,
    CLAIM_ALL: OfferStatus.CLAIMED,
    RELEASE_PART: OfferStatus.PARTIALLY_CLAIMED,
    RELEASE_ALL: OfferStatus.PUBLISHED,
    COLLECT: OfferStatus.COLLECTED,
    WITHDRAW: OfferStatus.WITHDRAWN,
    EXPIRE: OfferStatus.EXPIRED,
  },
  CLAIMED: {
    RELEASE_PART: OfferStatus.PARTIALLY_CLAIMED,
    RELEASE_ALL: OfferStatus.PUBLISHED,
    COLLECT: OfferStatus.COLLECTED,
  },
  COLLECTED: {
    CLOSE: OfferStatus.CLOSED,
  },
  CLOSED: {},
  WITHDRAWN: {},
  EXPIRED: {
    RELEASE_PART: OfferStatus.EXPIRED,
    RELEASE_ALL: OfferStatus.EXPIRED,
    COLLECT: OfferStatus.COLLECTED,
  },
};

export function canApplyOfferEvent(from: OfferStatus, event: OfferEvent): boolean {
  return OFFER_TRANSITIONS[from][event] !== undefined;
}

export function nextOfferStatus(from: OfferStatus, event: OfferEvent): OfferStatus {
  const to = OFFER_TRANSITIONS[from][event];
  if (to === undefined) throw new DomainError('ILLEGAL_OFFER_TRANSITION', undefined, { from, event });
  return to;
}

/** Statuses no event leaves. */
export function isTerminalOfferStatus(status: OfferStatus): boolean {
  return Object.keys(OFFER_TRANSITIONS[status]).length === 0;
}
