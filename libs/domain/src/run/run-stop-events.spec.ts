import { Run, type NewRunInput, type RunRoute } from './run.aggregate';
import { parseStopReading, type StopReadingInput } from './stop-reading.value-object';

const NOW = new Date('2026-11-23T09:00:00Z');
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);
const rules = { kgTolerancePercent: 10, temperatureLimitC: 8 };

function stop(id: string, sequence: number, kind: 'COLLECT' | 'DELIVER', claimId: string, chilledKg = 0) {
  return {
    id,
    sequence,
    kind,
    organizationId: kind === 'COLLECT' ? `donor-${claimId}` : 'asso',
    siteId: kind === 'COLLECT' ? `site-${claimId}` : 'depot',
    claimId,
    pickupId: `p-${claimId}`,
    plannedArrival: at('08:30'),
    plannedDeparture: at('08:40'),
    windowStart: at('08:00'),
    windowEnd: at('12:00'),
    kgByTemperature: { AMBIENT: 20, CHILLED: chilledKg, FROZEN: 0 },
  };
}

const route: RunRoute = {
  plannedStart: at('08:00'),
  plannedEnd: at('10:00'),
  distanceKm: 10,
  stops: [stop('c1', 1, 'COLLECT', 'k1'), stop('c2', 2, 'COLLECT', 'k2', 5), stop('d1', 3, 'DELIVER', 'k1'), stop('d2', 4, 'DELIVER', 'k2', 5)],
};

const input: NewRunInput = {
  id: 'r1',
  organizationId: 'asso',
  day: '2026-11-23',
  depotSiteId: 'depot',
  slot: 's',
  vehicle: { key: 'input-0', vehicleId: null, capacityKg: 300, refrigerated: true, insulatedBoxMaxMinutes: null },
  route,
};

function assigned(): Run {
  const run = Run.plan(input, NOW);
  run.accept('driver', NOW);
  run.pullChanges();
  return run;
}

const record = (run: Run, stopId: string, reading: StopReadingInput) => run.recordStopEvent(stopId, parseStopReading(reading), rules, 'driver', NOW);

describe('stop events on a run', () => {
  it('start the run at the first event, keep each stop’s events in order, and complete it when every stop is done', () => {
    const run = assigned();
    record(run, 'c1', { kind: 'ARRIVED' });
    expect(run.status).toBe('IN_PROGRESS');
    expect(run.pullChanges().map((change) => change.kind)).toEqual(['STARTED', 'STOP_RECORDED']);
    record(run, 'c1', { kind: 'COLLECTED', quantityKg: 19.5 });
    record(run, 'c2', { kind: 'COLLECTED', quantityKg: 26, temperatureC: 9 });
    record(run, 'd1', { kind: 'DELIVERED', quantityKg: 19.5 });
    expect(run.status).toBe('IN_PROGRESS');
    record(run, 'd2', { kind: 'REFUSED', note: 'TEMPERATURE', temperatureC: 9.5 });
    expect(run.status).toBe('COMPLETED');
    expect(run.pullChanges().map((change) => change.kind)).toEqual(['STOP_RECORDED', 'STOP_RECORDED', 'STOP_RECORDED', 'STOP_RECORDED', 'COMPLETED']);
    expect(run.stops.find((s) => s.id === 'c1')?.events.map((event) => event.kind)).toEqual(['ARRIVED', 'COLLECTED']);
    expect(run.stops.find((s) => s.id === 'c2')?.events[0]).toMatchObject({ temperatureC: 9, temperatureOutOfLimit: true });
  });

  it('refuses each event twice, anything after the outcome, a delivery before its collection, an event not for the stop', () => {
    const run = assigned();
    expect(() => record(run, 'd1', { kind: 'DELIVERED', quantityKg: 20 })).toThrow(
      expect.objectContaining({ code: 'STOP_EVENT_OUT_OF_ORDER', field: 'kind', params: { reason: 'these goods have not been collected' } }),
    );
    expect(() => record(run, 'c1', { kind: 'DELIVERED', quantityKg: 20 })).toThrow(expect.objectContaining({ code: 'STOP_EVENT_NOT_FOR_STOP', field: 'kind' }));
    record(run, 'c1', { kind: 'ARRIVED' });
    expect(() => record(run, 'c1', { kind: 'ARRIVED' })).toThrow(expect.objectContaining({ code: 'STOP_EVENT_ALREADY_RECORDED', field: 'kind' }));
    record(run, 'c1', { kind: 'COLLECTED', quantityKg: 20 });
    expect(() => record(run, 'c1', { kind: 'COLLECTED', quantityKg: 20 })).toThrow(expect.objectContaining({ code: 'STOP_EVENT_ALREADY_RECORDED' }));
    expect(() => record(run, 'c1', { kind: 'NO_SHOW' })).toThrow(expect.objectContaining({ code: 'STOP_EVENT_OUT_OF_ORDER', field: 'kind' }));
  });

  it('accepts kilos up to the tolerance over the stop’s load, and wants a reading for cold goods', () => {
    const run = assigned();
    expect(() => record(run, 'c1', { kind: 'COLLECTED', quantityKg: 22.001 })).toThrow(
      expect.objectContaining({ code: 'QUANTITY_ABOVE_CLAIMED', field: 'quantityKg', params: { claimedKg: 20, maxKg: 22 } }),
    );
    record(run, 'c1', { kind: 'COLLECTED', quantityKg: 22 });
    expect(() => record(run, 'c2', { kind: 'COLLECTED', quantityKg: 25 })).toThrow(
      expect.objectContaining({ code: 'TEMPERATURE_REQUIRED', field: 'temperatureC' }),
    );
    expect(run.stops.find((s) => s.id === 'c2')?.events).toEqual([]);
  });

  it('judges a delivery against the kilos collected: a shortfall is a partial refusal recorded with its kilos and reason', () => {
    const run = assigned();
    record(run, 'c1', { kind: 'COLLECTED', quantityKg: 18 });
    record(run, 'c2', { kind: 'COLLECTED', quantityKg: 25, temperatureC: 3 });
    const before = run.toSnapshot();
    // Against the 18 kg collected (not the 20 kg claimed): 19.8 kg at most, and less needs a reason.
    expect(() => record(run, 'd1', { kind: 'DELIVERED', quantityKg: 19.9 })).toThrow(
      expect.objectContaining({ code: 'QUANTITY_ABOVE_COLLECTED', field: 'quantityKg', params: { collectedKg: 18, maxKg: 19.8 } }),
    );
    expect(() => record(run, 'd1', { kind: 'DELIVERED', quantityKg: 15, note: 'plus de place' })).toThrow(
      expect.objectContaining({ code: 'SHORTFALL_REASON_REQUIRED', field: 'note', params: expect.objectContaining({ shortfallKg: 3 }) }),
    );
    expect(() => record(run, 'd1', { kind: 'DELIVERED', quantityKg: 18, note: 'CAPACITY' })).toThrow(
      expect.objectContaining({ code: 'REFUSAL_WITHOUT_SHORTFALL', field: 'note' }),
    );
    expect(run.toSnapshot()).toEqual(before);
    const partial = record(run, 'd1', { kind: 'DELIVERED', quantityKg: 13.5, note: 'VISUAL_CHECK: cartons écrasés' });
    expect(partial).toMatchObject({
      kind: 'DELIVERED',
      quantityKg: 13.5,
      refusedKg: 4.5,
      refusalReason: 'VISUAL_CHECK',
      note: 'VISUAL_CHECK: cartons écrasés',
    });
    const whole = record(run, 'd2', { kind: 'DELIVERED', quantityKg: 25.4, temperatureC: 4, note: 'Déposé en chambre froide' });
    expect(whole).toMatchObject({ refusedKg: null, refusalReason: null, note: 'Déposé en chambre froide' });
    expect(run.status).toBe('COMPLETED');
  });

  it('records what a whole refusal sends back: the kilos collected at a delivery, the stop’s load at a collection', () => {
    const run = assigned();
    expect(record(run, 'c1', { kind: 'REFUSED', note: 'HYGIENE' })).toMatchObject({ refusedKg: 20, refusalReason: 'HYGIENE' });
    record(run, 'c2', { kind: 'COLLECTED', quantityKg: 24, temperatureC: 3 });
    expect(record(run, 'd2', { kind: 'REFUSED', note: 'OTHER: pas de place', temperatureC: 3 })).toMatchObject({ refusedKg: 24, refusalReason: 'OTHER' });
  });

  it('has nothing to deliver when the collection was refused or nobody came', () => {
    const run = assigned();
    record(run, 'c1', { kind: 'NO_SHOW' });
    record(run, 'c2', { kind: 'REFUSED', note: 'HYGIENE' });
    expect(run.status).toBe('COMPLETED');
    expect(run.stops.every((s) => run.isDone(s))).toBe(true);
  });

  it('needs a driver first, and nothing is recorded once the run is done', () => {
    const open = Run.plan(input, NOW);
    expect(() => record(open, 'c1', { kind: 'ARRIVED' })).toThrow(expect.objectContaining({ code: 'RUN_HAS_NO_DRIVER', field: 'stopId' }));
    const run = assigned();
    record(run, 'c1', { kind: 'NO_SHOW' });
    record(run, 'c2', { kind: 'NO_SHOW' });
    expect(() => record(run, 'd1', { kind: 'ARRIVED' })).toThrow(expect.objectContaining({ code: 'RUN_NOT_OPEN', params: { status: 'COMPLETED' } }));
  });
});
