import { decodeClaimCursor, encodeClaimCursor } from './claim-cursor';

describe('claim cursors', () => {
  it('round-trip and refuse anything else with INVALID_CURSOR on the field', () => {
    const cursor = { createdAt: new Date('2026-11-23T08:00:00.123Z'), id: '0b8f5a52-3f39-4f0e-9a43-1f2f4f6d0c11' };
    expect(decodeClaimCursor(encodeClaimCursor(cursor))).toEqual(cursor);
    const offerCursor = Buffer.from(JSON.stringify(['o', cursor.createdAt.toISOString(), cursor.id])).toString('base64url');
    for (const bad of ['', 'x', offerCursor]) expect(() => decodeClaimCursor(bad)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', field: 'after' }));
  });
});
