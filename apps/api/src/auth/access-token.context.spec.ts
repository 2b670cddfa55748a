import { AccessTokenVerifier, type VerifiedAccessToken } from '#application';
import { DomainError } from '#domain';
import { presentedToken, withLazyActor } from './access-token.context';

class StubVerifier extends AccessTokenVerifier {
  calls = 0;
  verifyWithSession(token: string): VerifiedAccessToken {
    this.calls++;
    if (token === 'a.good.token') {
      return { actor: { userId: 'u1', platformAdmin: false, emailVerified: true }, sessionId: 's1', expiresAt: new Date('2026-11-20T10:15:00Z') };
    }
    throw new DomainError('UNAUTHENTICATED', 'authorization', { reason: 'expired' });
  }
}

describe('presentedToken', () => {
  it.each([
    [undefined, { kind: 'none' }],
    ['', { kind: 'none' }],
    ['Bearer a.good.token', { kind: 'bearer', token: 'a.good.token' }],
    ['bearer   a.good.token ', { kind: 'bearer', token: 'a.good.token' }],
    ['Basic bWFyaWU6eA==', { kind: 'malformed' }],
    ['Bearer', { kind: 'malformed' }],
    ['a.good.token', { kind: 'malformed' }],
    [42, { kind: 'malformed' }],
  ])('reads %p as %p', (header, expected) => {
    expect(presentedToken(header)).toEqual(expected);
  });
});

describe('withLazyActor', () => {
  it('verifies the token once, on first read', () => {
    const verifier = new StubVerifier();
    const context = withLazyActor({ language: 'fr' }, presentedToken('Bearer a.good.token'), verifier);
    expect(verifier.calls).toBe(0);
    expect(context.actor).toEqual({ userId: 'u1', platformAdmin: false, emailVerified: true });
    expect(context.actor).toEqual({ userId: 'u1', platformAdmin: false, emailVerified: true });
    expect(verifier.calls).toBe(1);
  });

  it('is anonymous without a token, and throws UNAUTHENTICATED on read for a bad one', () => {
    const verifier = new StubVerifier();
    expect(withLazyActor({}, presentedToken(undefined), verifier).actor).toBeUndefined();
    const expired = withLazyActor({}, presentedToken('Bearer x.y.z'), verifier);
    expect(() => expired.actor).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', params: { reason: 'expired' } }) as Error);
    const malformed = withLazyActor({}, presentedToken('Token abc'), verifier);
    expect(() => malformed.actor).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', field: 'authorization' }) as Error);
  });

  it('survives the clone Apollo makes of the context (Object.assign onto the same prototype) without verifying', () => {
    const verifier = new StubVerifier();
    const context = withLazyActor({ language: 'en' }, presentedToken('Bearer x.y.z'), verifier);
    const clone = Object.assign(Object.create(Object.getPrototypeOf(context) as object) as typeof context, context);
    expect(verifier.calls).toBe(0);
    expect(clone.language).toBe('en');
    expect(() => clone.actor).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }) as Error);
  });
});
