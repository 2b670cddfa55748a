import { Run, type NewRunInput, type RunRoute } from './run.aggregate';

const NOW = new Date('2026-11-23T07:00:00Z');
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);
const kg = (ambient: number, chilled = 0) => ({ AMBIENT: ambient, CHILLED: chilled, FROZEN: 0 });

function route(overrides: Partial<RunRoute> = {}, claims = ['c1', 'c2']): RunRoute {
  const collects = claims.map((claimId, index) => ({
    id: `s-collect-${claimId}`,
    sequence: index + 1,
    kind: 'COLLECT' as const,
    organizationId: `donor-${claimId}`,
    siteId: `site-${claimId}`,
    claimId,
    pickupId: `p-${claimId}`,
    plannedArrival: at(`08:${10 + index * 20}`),
    plannedDeparture: at(`08:${20 + index * 20}`),
    windowStart: at('08:00'),
    windowEnd: at('11:00'),
    kgByTemperature: kg(10 + index, 2),
  }));
  const delivers = claims.map((claimId, index) => ({
    id: `s-deliver-${claimId}`,
    sequence: claims.length + index + 1,
    kind: 'DELIVER' as const,
    organizationId: 'asso',
    siteId: 'depot',
    claimId,
    pickupId: `p-${claimId}`,
    plannedArrival: at('09:30'),
    plannedDeparture: at('09:30'),
    windowStart: at('08:00'),
    windowEnd: at('12:00'),
    kgByTemperature: kg(10 + index, 2),
  }));
  return { plannedStart: at('08:00'), plannedEnd: at('09:30'), distanceKm: 12.3456, stops: [...collects, ...delivers], ...overrides };
}

const input = (overrides: Partial<NewRunInput> = {}): NewRunInput => ({
  id: 'r1',
  organizationId: 'asso',
  day: '2026-11-23',
  depotSiteId: 'depot',
  slot: 'input-0|depot|2026-11-23T12:00:00.000Z',
  vehicle: { key: 'input-0', vehicleId: null, capacityKg: 300, refrigerated: true, insulatedBoxMaxMinutes: null },
  route: route(),
  ...overrides,
});

describe('Run', () => {
  it('is planned open, without a driver, and records it', () => {
    const run = Run.plan(input(), NOW);
    expect(run.status).toBe('PLANNED');
    expect(run.driverUserId).toBeNull();
    expect(run.toSnapshot().distanceKm).toBe(12.346);
    expect(run.stops.map((stop) => `${stop.sequence}:${stop.kind}:${stop.claimId}`)).toEqual(['1:COLLECT:c1', '2:COLLECT:c2', '3:DELIVER:c1', '4:DELIVER:c2']);
    expect(run.pullChanges()).toEqual([expect.objectContaining({ kind: 'PLANNED', runId: 'r1' })]);
  });

  it('refuses a route a driver could not follow: no stop, a gap in the numbering, a delivery before its collection', () => {
    expect(() => Run.plan(input({ route: route({ stops: [] }) }), NOW)).toThrow(/at least one stop/);
    const stops = route().stops;
    expect(() => Run.plan(input({ route: route({ stops: stops.map((stop, i) => ({ ...stop, sequence: i + 2 })) }) }), NOW)).toThrow(/number/);
    const deliverFirst = [stops[2], stops[0], stops[1], stops[3]].map((stop, i) => ({ ...stop, sequence: i + 1 }));
    expect(() => Run.plan(input({ route: route({ stops: deliverFirst }) }), NOW)).toThrow(/delivered before/);
    expect(() => Run.plan(input({ route: route({ stops: stops.slice(0, 3) }) }), NOW)).toThrow(/must be delivered/);
  });

  it('is accepted by one driver; the next one finds it taken; the same driver again changes nothing', () => {
    const run = Run.plan(input(), NOW);
    run.pullChanges();
    run.accept('driver-a', NOW);
    expect(run.status).toBe('ASSIGNED');
    expect(run.driverUserId).toBe('driver-a');
    expect(run.pullChanges()).toEqual([expect.objectContaining({ kind: 'ASSIGNED', actorUserId: 'driver-a' })]);
    expect(() => run.accept('driver-b', NOW)).toThrow(expect.objectContaining({ code: 'RUN_ALREADY_TAKEN', field: 'id' }));
    run.accept('driver-a', NOW);
    expect(run.pullChanges()).toEqual([]);
  });

  it('cannot be accepted once cancelled', () => {
    const run = Run.plan(input(), NOW);
    run.cancel(NOW);
    expect(() => run.accept('driver-a', NOW)).toThrow(expect.objectContaining({ code: 'RUN_NOT_OPEN', params: { status: 'CANCELLED' } }));
  });

  it('is released by its driver, open again, saying who left and why', () => {
    const run = Run.plan(input(), NOW);
    run.accept('driver-a', NOW);
    run.pullChanges();
    run.release('WITHDRAWN', 'driver-a', NOW);
    expect(run.status).toBe('PLANNED');
    expect(run.driverUserId).toBeNull();
    expect(run.pullChanges()).toEqual([expect.objectContaining({ kind: 'RELEASED', releasedDriverUserId: 'driver-a', releaseReason: 'WITHDRAWN' })]);
    expect(run.withdrawnDriverUserIds).toEqual(['driver-a']);
    run.accept('driver-b', NOW);
    run.release('UNAVAILABLE', null, NOW);
    expect(run.withdrawnDriverUserIds).toEqual(['driver-a']);
  });

  it('is re-planned in place, keeping its driver; an unchanged route records nothing', () => {
    const run = Run.plan(input(), NOW);
    run.accept('driver-a', NOW);
    run.pullChanges();
    expect(run.replan(route(), NOW)).toBe(false);
    expect(run.pullChanges()).toEqual([]);
    expect(run.replan(route({}, ['c1', 'c2', 'c3']), NOW)).toBe(true);
    expect(run.stops).toHaveLength(6);
    expect(run.driverUserId).toBe('driver-a');
    expect(run.pullChanges()).toEqual([expect.objectContaining({ kind: 'REPLANNED' })]);
  });

  it('comes back from storage only whole', () => {
    const snapshot = Run.plan(input(), NOW).toSnapshot();
    expect(Run.restore(snapshot).toSnapshot()).toEqual(snapshot);
    expect(() => Run.restore({ ...snapshot, status: 'ASSIGNED' })).toThrow(/status ASSIGNED with driver null/);
    expect(() => Run.restore({ ...snapshot, status: 'LOST' as 'PLANNED' })).toThrow(/unknown status/);
  });
});
