import { DomainError } from '../errors/domain-error';
import { OFFER_STATUSES, OfferStatus } from '../shared/offer-status';

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
 * fully claimed offer is the claims' to settle. An offer is COLLECTED once nothing remains to claim
 * and all its claims' goods have left the donor's site (Offer.followClaims): from CLAIMED, or from
 * EXPIRED; an offer still open to claims is never collected, it expires first.
 *
 * CLOSED (after COLLECTED) is the end of the goods' story, not reached yet: goods refused at
 * delivery still await a recorded fate (destroyed, or taken back) and a recipient may still report
 * a defect on what it received; until those exist, nothing would make "closed" true, so no code
 * closes an offer and the move is only written here.
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

/**
 * The statuses in which an offer takes claims (PUBLISHED, PARTIALLY_CLAIMED), read off the table
 * above: the one list for every reader of open offers (claims, broadcasts, e-mails, expiry), so an
 * offer that moved on (COLLECTED, EXPIRED …) is never offered again.
 */
export const OFFER_STATUSES_OPEN_TO_CLAIMS: readonly OfferStatus[] = OFFER_STATUSES.filter((status) => canApplyOfferEvent(status, OfferEvent.CLAIM_PART));

export function isOpenToClaims(status: OfferStatus): boolean {
  return OFFER_STATUSES_OPEN_TO_CLAIMS.includes(status);
}
