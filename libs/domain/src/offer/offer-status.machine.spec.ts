import { DomainError } from '../errors/domain-error';
import { OFFER_STATUSES, OfferStatus } from '../shared/offer-status';
import {
  canApplyOfferEvent,
  isOpenToClaims,
  isTerminalOfferStatus,
  nextOfferStatus,
  OFFER_EVENTS,
  OFFER_STATUSES_OPEN_TO_CLAIMS,
  type OfferEvent,
} from './offer-status.machine';

/**
 * The lifecycle written out a second time, by hand, from the domain rules (docs/domain-rules.md): every pair of this list is
 * legal, every other pair must throw. Changing the machine means changing both.
 */
const LEGAL: ReadonlyArray<[OfferStatus, OfferEvent, OfferStatus]> = [
  ['DRAFT', 'PUBLISH', 'PUBLISHED'],
  ['DRAFT', 'WITHDRAW', 'WITHDRAWN'],
  ['PUBLISHED', 'CLAIM_PART', 'PARTIALLY_CLAIMED'],
  ['PUBLISHED', 'CLAIM_ALL', 'CLAIMED'],
  ['PUBLISHED', 'WITHDRAW', 'WITHDRAWN'],
  ['PUBLISHED', 'EXPIRE', 'EXPIRED'],
  ['PARTIALLY_CLAIMED', 'CLAIM_PART', 'PARTIALLY_CLAIMED'],
  ['PARTIALLY_CLAIMED', 'CLAIM_ALL', 'CLAIMED'],
  ['PARTIALLY_CLAIMED', 'RELEASE_PART', 'PARTIALLY_CLAIMED'],
  ['PARTIALLY_CLAIMED', 'RELEASE_ALL', 'PUBLISHED'],
  ['PARTIALLY_CLAIMED', 'WITHDRAW', 'WITHDRAWN'],
  ['PARTIALLY_CLAIMED', 'EXPIRE', 'EXPIRED'],
  ['CLAIMED', 'RELEASE_PART', 'PARTIALLY_CLAIMED'],
  ['CLAIMED', 'RELEASE_ALL', 'PUBLISHED'],
  // Collected once nothing remains to claim: fully claimed, or expired (an open offer expires first).
  ['CLAIMED', 'COLLECT', 'COLLECTED'],
  // The end of the goods' story; no code takes it yet (see OFFER_TRANSITIONS).
  ['COLLECTED', 'CLOSE', 'CLOSED'],
  // Expired with confirmed claims left: those are still collected, or cancelled without reopening.
  ['EXPIRED', 'RELEASE_PART', 'EXPIRED'],
  ['EXPIRED', 'RELEASE_ALL', 'EXPIRED'],
  ['EXPIRED', 'COLLECT', 'COLLECTED'],
];

const allPairs = OFFER_STATUSES.flatMap((status) => OFFER_EVENTS.map((event) => [status, event] as const));

describe('offer status machine', () => {
  it('has 8 statuses × 9 events = 72 pairs to judge', () => {
    expect(allPairs).toHaveLength(72);
  });

  it.each(allPairs)('%s + %s follows the table', (from, event) => {
    const expected = LEGAL.find(([f, e]) => f === from && e === event)?.[2];
    if (expected === undefined) {
      expect(canApplyOfferEvent(from, event)).toBe(false);
      let thrown: unknown;
      try {
        nextOfferStatus(from, event);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect(thrown).toMatchObject({ code: 'ILLEGAL_OFFER_TRANSITION', field: undefined, params: { from, event } });
    } else {
      expect(canApplyOfferEvent(from, event)).toBe(true);
      expect(nextOfferStatus(from, event)).toBe(expected);
    }
  });

  it('ends only in CLOSED and WITHDRAWN (an expired offer may still see its confirmed claims collected)', () => {
    expect(OFFER_STATUSES.filter(isTerminalOfferStatus)).toEqual([OfferStatus.CLOSED, OfferStatus.WITHDRAWN]);
  });

  it('never withdraws, expires, releases or reopens goods once collected', () => {
    for (const status of [OfferStatus.COLLECTED, OfferStatus.CLOSED]) {
      for (const event of ['WITHDRAW', 'EXPIRE', 'RELEASE_PART', 'RELEASE_ALL', 'CLAIM_PART', 'CLAIM_ALL', 'PUBLISH'] as const) {
        expect(() => nextOfferStatus(status, event)).toThrow(DomainError);
      }
    }
  });

  it('takes claims only while PUBLISHED or PARTIALLY_CLAIMED: the one list every reader of open offers uses', () => {
    expect(OFFER_STATUSES_OPEN_TO_CLAIMS).toEqual([OfferStatus.PUBLISHED, OfferStatus.PARTIALLY_CLAIMED]);
    expect(OFFER_STATUSES.filter(isOpenToClaims)).toEqual([OfferStatus.PUBLISHED, OfferStatus.PARTIALLY_CLAIMED]);
    expect(isOpenToClaims(OfferStatus.COLLECTED)).toBe(false);
  });

  it('reaches every status from DRAFT', () => {
    const reached = new Set<OfferStatus>([OfferStatus.DRAFT]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [from, event] of allPairs) {
        if (reached.has(from) && canApplyOfferEvent(from, event)) {
          const to = nextOfferStatus(from, event);
          if (!reached.has(to)) {
            reached.add(to);
            grew = true;
          }
        }
      }
    }
    expect([...reached].sort()).toEqual([...OFFER_STATUSES].sort());
  });
});
