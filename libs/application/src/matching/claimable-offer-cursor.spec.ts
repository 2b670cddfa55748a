import { compareByCursorOrder, decodeClaimableOfferCursor, encodeClaimableOfferCursor, scoreKey } from './claimable-offer-cursor';

const A = '0a4f1c52-7c1e-4c2f-9a55-2f4c0f6b1a01';
const B = '0a4f1c52-7c1e-4c2f-9a55-2f4c0f6b1a02';

describe('claimableOffers cursor', () => {
  it('decodes what it encodes', () => {
    const cursor = { scoreKey: scoreKey(0.734512345678), offerId: A };
    expect(decodeClaimableOfferCursor(encodeClaimableOfferCursor(cursor))).toEqual(cursor);
  });

  it('compares scores on the engine’s 1e-9 grid, so floating-point noise ties', () => {
    expect(scoreKey(0.1 + 0.2)).toBe(scoreKey(0.3));
  });

  it.each([
    ['not base64 JSON', 'xyz'],
    ['another kind of cursor', Buffer.from(JSON.stringify(['o', '2026-01-01T00:00:00Z', A])).toString('base64url')],
    ['a score that is not an integer', Buffer.from(JSON.stringify(['m', 0.5, A])).toString('base64url')],
    ['an id that is not a uuid', Buffer.from(JSON.stringify(['m', 5, 'offer-1'])).toString('base64url')],
  ])('refuses %s with INVALID_CURSOR on "after"', (_, raw) => {
    expect(() => decodeClaimableOfferCursor(raw)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', field: 'after' }));
  });

  it('orders best first: higher score, then the lower offer id', () => {
    const positions = [
      { scoreKey: 5, offerId: B },
      { scoreKey: 9, offerId: B },
      { scoreKey: 5, offerId: A },
    ];
    expect([...positions].sort(compareByCursorOrder)).toEqual([
      { scoreKey: 9, offerId: B },
      { scoreKey: 5, offerId: A },
      { scoreKey: 5, offerId: B },
    ]);
  });
});
