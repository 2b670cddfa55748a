import { OpeningHours, parseClosurePeriods } from '#domain';
import { candidateKey, ReceivingWindowResolver, toMatchCandidate } from './matching-context.builder';
import type { MatchingRecipient } from './match-candidate-finder.port';

// Monday 23 November 2026 18:00 Paris → Wednesday 25 November 12:00 Paris (UTC+1).
const FROM = new Date('2026-11-23T17:00:00Z');
const UNTIL = new Date('2026-11-25T11:00:00Z');
const WEEKDAY_MORNINGS = OpeningHours.parse([1, 2, 3, 4, 5].map((weekday) => ({ weekday, intervals: [{ start: '09:00', end: '12:00' }] })));

describe('receiving window of a site over a pickup window', () => {
  it('takes the first day the site receives in the window as the pickup day', () => {
    const window = new ReceivingWindowResolver(FROM, UNTIL).resolve({ openingHours: WEEKDAY_MORNINGS, closures: [] });
    expect(window.pickupDay).toBe('2026-11-24');
    expect(window.closedOnPickupDay).toBe(false);
    expect(window.intervals.map((interval) => interval.from.toISOString())).toEqual(['2026-11-24T08:00:00.000Z', '2026-11-25T08:00:00.000Z']);
  });

  it('skips a closed day', () => {
    const closures = parseClosurePeriods([{ from: '2026-11-24', to: '2026-11-24' }]);
    const window = new ReceivingWindowResolver(FROM, UNTIL).resolve({ openingHours: WEEKDAY_MORNINGS, closures });
    expect(window.pickupDay).toBe('2026-11-25');
  });

  it('reports a closure on the first day of the window when the site never receives in it', () => {
    const closures = parseClosurePeriods([{ from: '2026-11-20', to: '2026-11-30' }]);
    const window = new ReceivingWindowResolver(FROM, UNTIL).resolve({ openingHours: WEEKDAY_MORNINGS, closures });
    expect(window).toEqual({ intervals: [], pickupDay: '2026-11-23', closedOnPickupDay: true });
  });

  it('resolves a timetable once per window: the same objects give the same answer object', () => {
    const resolver = new ReceivingWindowResolver(FROM, UNTIL);
    const closures = parseClosurePeriods([]);
    expect(resolver.resolve({ openingHours: WEEKDAY_MORNINGS, closures })).toBe(resolver.resolve({ openingHours: WEEKDAY_MORNINGS, closures }));
  });
});

describe('engine input for one recipient site', () => {
  it('uses the kg already claimed on the pickup day, and names the candidate by organisation and site', () => {
    const recipient: MatchingRecipient = {
      organizationId: 'org',
      verified: true,
      acceptedCategoryCodes: ['FOOD'],
      dailyCapacityKg: { AMBIENT: 100, CHILLED: 50, FROZEN: 0 },
      serviceRadiusKm: 20,
      dlcMarginHours: 48,
      peopleServedPerWeek: 80,
      kgReceivedLast28Days: 320,
      claimedKgByDay: new Map([
        ['2026-11-23', { CHILLED: 50 }],
        ['2026-11-24', { CHILLED: 10 }],
      ]),
    };
    const site = { id: 'site', organizationId: 'org', openingHours: WEEKDAY_MORNINGS, closures: [] };
    const window = new ReceivingWindowResolver(FROM, UNTIL).resolve(site);
    const candidate = toMatchCandidate(recipient, site, 4.2, window, FROM);
    expect(candidate.recipient.id).toBe(candidateKey('org', 'site'));
    expect(candidate.context.claimedKgOnPickupDay).toEqual({ CHILLED: 10 });
    expect(candidate.context.distanceKm).toBe(4.2);
    expect(candidate.history).toEqual({ kgReceivedLast28Days: 320, peopleServedPerWeek: 80 });
  });
});
