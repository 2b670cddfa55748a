import { revokes } from './session-revocation-signal.port';

const MARIE_PHONE = { userId: '00000000-0000-4000-8000-000000000001', sessionId: '10000000-0000-4000-8000-000000000001' };
const MARIE_LAPTOP = { userId: MARIE_PHONE.userId, sessionId: '10000000-0000-4000-8000-000000000002' };
const PAUL = { userId: '00000000-0000-4000-8000-000000000002', sessionId: '10000000-0000-4000-8000-000000000003' };

describe('revokes', () => {
  it('ends only the named session', () => {
    const revocation = { kind: 'session', userId: MARIE_PHONE.userId, sessionId: MARIE_PHONE.sessionId } as const;
    expect([MARIE_PHONE, MARIE_LAPTOP, PAUL].map((session) => revokes(revocation, session))).toEqual([true, false, false]);
    // A session id is only believed together with its owner.
    expect(revokes({ ...revocation, userId: PAUL.userId }, MARIE_PHONE)).toBe(false);
  });

  it("ends every session of the person, and no one else's", () => {
    const revocation = { kind: 'user', userId: MARIE_PHONE.userId } as const;
    expect([MARIE_PHONE, MARIE_LAPTOP, PAUL].map((session) => revokes(revocation, session))).toEqual([true, true, false]);
  });
});
