import { DomainError } from '#domain';
import { decodeOfferCursor, encodeOfferCursor } from './offer-cursor';

describe('offer cursors', () => {
  const cursor = { createdAt: new Date('2026-03-01T10:00:00.123Z'), id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' };

  it('round-trips a position', () => {
    expect(decodeOfferCursor(encodeOfferCursor(cursor))).toEqual(cursor);
  });

  it('is opaque: neither the date nor the id shows in clear', () => {
    const encoded = encodeOfferCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encoded).not.toContain('2026');
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['a JSON value of the wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['a bad date', Buffer.from(JSON.stringify(['o', 'yesterday', cursor.id])).toString('base64url')],
    ['a bad id', Buffer.from(JSON.stringify(['o', cursor.createdAt.toISOString(), 'x'])).toString('base64url')],
    ["another list's cursor", Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString('base64url')],
  ])('refuses %s with INVALID_CURSOR on "after"', (_, raw) => {
    const attempt = () => decodeOfferCursor(raw);
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', field: 'after' }));
  });
});
