import { decodeRevocation, encodeRevocation } from './session-revocation.message';

const ID = '3f1e2d4c-5b6a-4789-8a0b-1c2d3e4f5a6b';
const USER = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';

describe('session revocation messages', () => {
  it('read back what was written', () => {
    expect(decodeRevocation(encodeRevocation({ kind: 'session', userId: USER, sessionId: ID }))).toEqual({ kind: 'session', userId: USER, sessionId: ID });
    expect(decodeRevocation(encodeRevocation({ kind: 'user', userId: ID }))).toEqual({ kind: 'user', userId: ID });
  });

  it.each([
    ['not JSON', 'revoke everything'],
    ['null', 'null'],
    ['an unknown kind', JSON.stringify({ kind: 'everyone' })],
    ['an unknown kind for a person', JSON.stringify({ kind: 'everyone', userId: USER })],
    ['a session without its id', JSON.stringify({ kind: 'session', userId: USER })],
    ['a session without its person', JSON.stringify({ kind: 'session', sessionId: ID })],
    ['an id that is not a lower-case UUID', JSON.stringify({ kind: 'user', userId: '*' })],
    ['an upper-case UUID (ids are written lower-case)', JSON.stringify({ kind: 'session', userId: USER, sessionId: ID.toUpperCase() })],
  ])('ignore %s', (_label, message) => {
    expect(decodeRevocation(message)).toBeUndefined();
  });
});
