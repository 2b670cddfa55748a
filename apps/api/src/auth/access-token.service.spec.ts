import { JwtService } from '@nestjs/jwt';
import { Clock } from '#application';
import type { AppConfig } from '#config';
import { JwtAccessTokens } from './access-token.service';

class MovableClock extends Clock {
  current = new Date('2026-11-20T10:00:00Z');
  now(): Date {
    return new Date(this.current);
  }
}

const SECRET = 'unit-test-access-secret-0123456789abcdef';
const USER = '5f0c6a52-1b7e-4c1f-9d3a-2f4b8e6a7c10';
const SESSION = '0b7d3a10-6c2e-4f4a-8e1d-3c5b7a9e2f41';

function setup() {
  const clock = new MovableClock();
  const config = { jwt: { accessSecret: SECRET, accessTtlSeconds: 900 } } as AppConfig;
  return { clock, tokens: new JwtAccessTokens(new JwtService({ secret: SECRET }), clock, config) };
}

describe('JwtAccessTokens', () => {
  it('issues an HS256 token whose claims come back as the actor, its session and its expiry', async () => {
    const { tokens } = setup();
    const issued = await tokens.issue({ userId: USER, platformAdmin: true, emailVerified: true }, SESSION);
    expect(issued.expiresAt).toEqual(new Date('2026-11-20T10:15:00Z'));
    expect(tokens.verify(issued.token)).toEqual({ userId: USER, platformAdmin: true, emailVerified: true });
    expect(tokens.verifyWithSession(issued.token)).toEqual({
      actor: { userId: USER, platformAdmin: true, emailVerified: true },
      sessionId: SESSION,
      expiresAt: new Date('2026-11-20T10:15:00Z'),
    });
    const claims = new JwtService().decode<Record<string, unknown>>(issued.token);
    expect(claims).toMatchObject({ sub: USER, pa: true, sid: SESSION, typ: 'access', iss: 'glane', aud: 'glane-api', exp: (claims.iat as number) + 900 });
    expect(typeof claims.jti).toBe('string');
  });

  it('carries whether the address was verified, and answers a token from before the claim existed as expired', async () => {
    const { tokens } = setup();
    const unverified = await tokens.issue({ userId: USER, platformAdmin: false, emailVerified: false }, SESSION);
    expect(tokens.verify(unverified.token)).toEqual({ userId: USER, platformAdmin: false, emailVerified: false });
    expect(new JwtService().decode<Record<string, unknown>>(unverified.token)).toMatchObject({ ev: false });
    const iat = Math.floor(new Date('2026-11-20T10:00:00Z').getTime() / 1000);
    const older = new JwtService({ secret: SECRET }).sign(
      { sub: USER, pa: false, typ: 'access', jti: 'j', iat, exp: iat + 900 },
      { algorithm: 'HS256', issuer: 'glane', audience: 'glane-api' },
    );
    expect(() => tokens.verify(older)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', params: { reason: 'expired' } }) as Error);
  });

  it('answers a token from before sessions were named (no sid) as expired, and one with a sid that is not a session id as invalid', () => {
    const { tokens } = setup();
    const iat = Math.floor(new Date('2026-11-20T10:00:00Z').getTime() / 1000);
    const sign = (extra: Record<string, unknown>) =>
      new JwtService({ secret: SECRET }).sign(
        { sub: USER, pa: false, ev: true, typ: 'access', jti: 'j', iat, exp: iat + 900, ...extra },
        { algorithm: 'HS256', issuer: 'glane', audience: 'glane-api' },
      );
    expect(() => tokens.verify(sign({}))).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', params: { reason: 'expired' } }) as Error);
    expect(() => tokens.verify(sign({ sid: 'every-session' }))).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED', params: { reason: 'invalid' } }) as Error,
    );
    expect(tokens.verifyWithSession(sign({ sid: SESSION })).sessionId).toBe(SESSION);
  });

  it('gives every token its own jti', async () => {
    const { tokens } = setup();
    const decode = (token: string) => new JwtService().decode<{ jti: string }>(token).jti;
    const [a, b] = await Promise.all([
      tokens.issue({ userId: USER, platformAdmin: false, emailVerified: true }, SESSION),
      tokens.issue({ userId: USER, platformAdmin: false, emailVerified: true }, SESSION),
    ]);
    expect(decode(a.token)).not.toBe(decode(b.token));
  });

  it('refuses an expired token with reason "expired"', async () => {
    const { tokens, clock } = setup();
    const issued = await tokens.issue({ userId: USER, platformAdmin: false, emailVerified: true }, SESSION);
    clock.current = new Date('2026-11-20T10:15:01Z');
    expect(() => tokens.verify(issued.token)).toThrow(
      expect.objectContaining({ code: 'UNAUTHENTICATED', field: 'authorization', params: { reason: 'expired' } }) as Error,
    );
  });

  it.each([
    [
      'a changed claim',
      (token: string) => {
        const [h, p, s] = token.split('.');
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
        return `${h}.${Buffer.from(JSON.stringify({ ...claims, pa: true })).toString('base64url')}.${s}`;
      },
    ],
    [
      'another key',
      () =>
        new JwtService({ secret: 'another-secret-another-secret-0123' }).sign(
          { sub: USER, pa: true, typ: 'access', jti: 'j' },
          { expiresIn: 60, issuer: 'glane', audience: 'glane-api' },
        ),
    ],
    [
      'another audience',
      () =>
        new JwtService({ secret: SECRET }).sign({ sub: USER, pa: true, typ: 'access', jti: 'j' }, { expiresIn: 60, issuer: 'glane', audience: 'elsewhere' }),
    ],
    [
      'a wrong typ',
      () =>
        new JwtService({ secret: SECRET }).sign({ sub: USER, pa: false, typ: 'refresh', jti: 'j' }, { expiresIn: 60, issuer: 'glane', audience: 'glane-api' }),
    ],
    [
      'a subject that is not a user id',
      () =>
        new JwtService({ secret: SECRET }).sign({ sub: 'admin', pa: true, typ: 'access', jti: 'j' }, { expiresIn: 60, issuer: 'glane', audience: 'glane-api' }),
    ],
    [
      'HS512 instead of HS256',
      () =>
        new JwtService({ secret: SECRET }).sign(
          { sub: USER, pa: false, typ: 'access', jti: 'j' },
          { algorithm: 'HS512', expiresIn: 60, issuer: 'glane', audience: 'glane-api' },
        ),
    ],
  ])('refuses a token with %s, reason "invalid"', async (_label, forge) => {
    const { tokens } = setup();
    const real = (await tokens.issue({ userId: USER, platformAdmin: false, emailVerified: true }, SESSION)).token;
    const forged = forge(real);
    expect(() => tokens.verify(forged)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED', field: 'authorization' }) as Error);
  });
});
