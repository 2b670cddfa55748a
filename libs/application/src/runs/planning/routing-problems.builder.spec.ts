import { OpeningHours } from '#domain';
import type { PlannablePickup, PlanningVehicle } from '../run-planning.model';
import { buildRoutingProblem, COLLECT_SERVICE_MINUTES, coldestClass, groupPickups, instantAt } from './routing-problems.builder';

const at = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00Z`);
const depot = {
  organizationId: 'asso',
  siteId: 'depot',
  location: { latitude: 44.84, longitude: -0.58 },
  openingHours: OpeningHours.everyDay([{ start: '08:00', end: '18:00' }]),
  closures: [],
};

function pickup(id: string, overrides: Partial<PlannablePickup> = {}): PlannablePickup {
  return {
    pickupId: id,
    claimId: `claim-${id}`,
    donor: { organizationId: `donor-${id}`, siteId: `site-${id}`, location: { latitude: 44.85, longitude: -0.6 } },
    recipient: depot,
    collectFrom: at('09:00'),
    collectUntil: at('11:00'),
    deliverFrom: at('09:00'),
    deliverUntil: at('12:00'),
    kgByTemperature: { AMBIENT: 20, CHILLED: 0, FROZEN: 0 },
    ...overrides,
  };
}

const van: PlanningVehicle = { key: 'input-0', vehicleId: null, capacityKg: 300, refrigerated: false, insulatedBoxMaxMinutes: 90, driverUserId: null };

describe('routing problems from pickups', () => {
  it('groups pickups by recipient site and receiving interval, earliest first, the window opening at the earliest delivery', () => {
    const groups = groupPickups([
      pickup('afternoon', { deliverFrom: at('14:00'), deliverUntil: at('18:00'), collectFrom: at('13:00'), collectUntil: at('17:00') }),
      pickup('late', { deliverFrom: at('10:00') }),
      pickup('early', { deliverFrom: at('08:30') }),
      pickup('other-site', { recipient: { ...depot, siteId: 'annex' } }),
    ]);
    expect(groups.map((group) => [group.depot.siteId, group.pickups.map((p) => p.pickupId), group.windowStart.toISOString()])).toEqual([
      ['depot', ['late', 'early'], at('08:30').toISOString()],
      ['annex', ['other-site'], at('09:00').toISOString()],
      ['depot', ['afternoon'], at('14:00').toISOString()],
    ]);
  });

  it('measures minutes from the earliest instant, clips collection windows to the depot’s, and leaves out those too short to load', () => {
    const [group] = groupPickups([
      pickup('a', { collectFrom: at('08:00'), collectUntil: at('10:00') }),
      pickup('b', { collectFrom: at('11:55'), collectUntil: at('13:00') }),
    ]);
    if (group === undefined) throw new Error('one group expected');
    const built = buildRoutingProblem(group, [van]);
    expect(built.origin).toEqual(at('08:00'));
    expect(built.problem.depot.window).toEqual({ start: 60, end: 240 });
    expect(built.problem.stops).toEqual([
      expect.objectContaining({ id: 'a', window: { start: 60, end: 120 }, serviceTime: COLLECT_SERVICE_MINUTES, demandKg: 20, temperature: 'AMBIENT' }),
    ]);
    expect(built.unservable).toEqual([{ pickupId: 'b', claimId: 'claim-b', reason: 'TIME_WINDOW_UNREACHABLE' }]);
    expect(instantAt(built.origin, 61.5)).toEqual(new Date(at('09:01').getTime() + 30_000));
  });

  it('gives a stop the cold chain of its coldest goods, and a vehicle its insulated boxes only when it is not refrigerated', () => {
    expect(coldestClass(pickup('x', { kgByTemperature: { AMBIENT: 5, CHILLED: 1, FROZEN: 0 } }))).toBe('CHILLED');
    expect(coldestClass(pickup('x', { kgByTemperature: { AMBIENT: 5, CHILLED: 1, FROZEN: 0.5 } }))).toBe('FROZEN');
    const [group] = groupPickups([pickup('a')]);
    if (group === undefined) throw new Error('one group expected');
    const vehicles = buildRoutingProblem(group, [van, { ...van, key: 'cold', refrigerated: true }, { ...van, key: 'plain', insulatedBoxMaxMinutes: null }])
      .problem.vehicles;
    expect(vehicles).toEqual([
      { id: 'input-0', capacityKg: 300, refrigerated: false, insulatedBoxMaxTime: 90 },
      { id: 'cold', capacityKg: 300, refrigerated: true },
      { id: 'plain', capacityKg: 300, refrigerated: false },
    ]);
  });
});
