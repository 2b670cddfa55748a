import { readPing } from './renewal-ping';

describe('readPing', () => {
  it.each([
    ['no payload', undefined],
    ['an empty payload', {}],
    ['a payload of something else', { latency: 12 }],
    ['a payload that is not an object', 'ping'],
  ])('reads %s as a keep-alive', (_label, payload) => {
    expect(readPing(payload)).toEqual({ kind: 'keepAlive' });
  });

  it('reads { accessToken } as a renewal with that token', () => {
    expect(readPing({ accessToken: 'a.b.c' })).toEqual({ kind: 'renewal', token: 'a.b.c' });
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['an empty string', ''],
    ['an object', { token: 'a.b.c' }],
  ])('reads an accessToken that is %s as a malformed renewal', (_label, accessToken) => {
    expect(readPing({ accessToken })).toEqual({ kind: 'malformedRenewal' });
  });
});
