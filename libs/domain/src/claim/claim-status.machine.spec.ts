import { DomainError } from '../errors/domain-error';
import { CLAIM_STATUSES, CLAIM_STATUSES_HOLDING_GOODS, claimHoldsGoods, ClaimStatus } from '../shared/claim-status';
import { CLAIM_EVENTS, canApplyClaimEvent, isTerminalClaimStatus, nextClaimStatus, type ClaimEvent } from './claim-status.machine';

/** The lifecycle written out a second time, by hand: every pair listed is legal, every other one throws. */
const LEGAL: ReadonlyArray<[ClaimStatus, ClaimEvent, ClaimStatus]> = [
  ['CONFIRMED', 'CANCEL', 'CANCELLED'],
  ['CONFIRMED', 'COLLECT', 'COLLECTED'],
  ['CONFIRMED', 'REFUSE', 'REFUSED'],
  ['COLLECTED', 'DELIVER', 'DELIVERED'],
  ['COLLECTED', 'REFUSE', 'REFUSED'],
];

const allPairs = CLAIM_STATUSES.flatMap((status) => CLAIM_EVENTS.map((event) => [status, event] as const));

describe('claim status machine', () => {
  it('has 5 statuses × 4 events = 20 pairs to judge', () => {
    expect(allPairs).toHaveLength(20);
  });

  it.each(allPairs)('%s + %s follows the table', (from, event) => {
    const expected = LEGAL.find(([f, e]) => f === from && e === event)?.[2];
    if (expected === undefined) {
      expect(canApplyClaimEvent(from, event)).toBe(false);
      expect(() => nextClaimStatus(from, event)).toThrow(DomainError);
      try {
        nextClaimStatus(from, event);
      } catch (error) {
        expect(error).toMatchObject({ code: 'ILLEGAL_CLAIM_TRANSITION', params: { from, event } });
      }
    } else {
      expect(canApplyClaimEvent(from, event)).toBe(true);
      expect(nextClaimStatus(from, event)).toBe(expected);
    }
  });

  it('ends in CANCELLED, DELIVERED or REFUSED', () => {
    expect(CLAIM_STATUSES.filter(isTerminalClaimStatus)).toEqual([ClaimStatus.CANCELLED, ClaimStatus.DELIVERED, ClaimStatus.REFUSED]);
  });

  it('holds goods while confirmed, collected or delivered; a cancelled or refused claim holds nothing', () => {
    expect([...CLAIM_STATUSES_HOLDING_GOODS].sort()).toEqual(['COLLECTED', 'CONFIRMED', 'DELIVERED']);
    expect(claimHoldsGoods(ClaimStatus.CANCELLED)).toBe(false);
    expect(claimHoldsGoods(ClaimStatus.REFUSED)).toBe(false);
  });
});
