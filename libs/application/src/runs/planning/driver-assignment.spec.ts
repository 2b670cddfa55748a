import { OpeningHours, type ClosurePeriod } from '#domain';
import type { PlanningDriver } from '../run-planning.model';
import { assignDrivers, type RunToStaff } from './driver-assignment';

// 2026-11-24 is a Tuesday; Paris is UTC+1 in November.
const at = (hhmm: string) => new Date(`2026-11-24T${hhmm}:00+01:00`);
const driver = (userId: string, hours: { start: string; end: string }, absences: ClosurePeriod[] = []): PlanningDriver => ({
  userId,
  availability: { weekly: OpeningHours.parse([{ weekday: 2, intervals: [hours] }]), absences },
});
const run = (slot: string, start: string, end: string, overrides: Partial<RunToStaff> = {}): RunToStaff => ({
  slot,
  start: at(start),
  end: at(end),
  currentDriverUserId: null,
  vehicleDriverUserId: null,
  ...overrides,
});

describe('driver assignment', () => {
  const morning = driver('ana', { start: '08:00', end: '12:00' });
  const allDay = driver('ben', { start: '07:00', end: '19:00' });

  it('gives each run a driver available throughout, spreading runs; none when nobody can', () => {
    const decided = assignDrivers(
      [run('r1', '09:00', '11:00'), run('r2', '09:30', '10:30'), run('r3', '14:00', '16:00'), run('r4', '20:00', '21:00')],
      [morning, allDay],
      new Map(),
    );
    expect(Object.fromEntries(decided)).toEqual({ r1: 'ana', r2: 'ben', r3: 'ben', r4: null });
  });

  it('keeps a run’s driver while they can, and gives it to another when they cannot any more', () => {
    const decided = assignDrivers(
      [run('kept', '09:00', '10:00', { currentDriverUserId: 'ben' }), run('moved', '12:30', '13:00', { currentDriverUserId: 'ana' })],
      [morning, allDay],
      new Map(),
    );
    expect(Object.fromEntries(decided)).toEqual({ kept: 'ben', moved: 'ben' });
  });

  it('never gives a driver two runs at once, counting the runs already on the road', () => {
    const decided = assignDrivers([run('r1', '09:00', '10:00')], [allDay], new Map([['ben', [{ start: at('08:30'), end: at('09:15') }]]]));
    expect(decided.get('r1')).toBeNull();
  });

  it('does not give a run back to a driver who withdrew from it, unless the coordinator puts them on its vehicle', () => {
    const decided = assignDrivers([run('r1', '09:00', '10:00', { withdrawnDriverUserIds: ['ana'] })], [morning, allDay], new Map());
    expect(decided.get('r1')).toBe('ben');
    expect(assignDrivers([run('r1', '09:00', '10:00', { withdrawnDriverUserIds: ['ana', 'ben'] })], [morning, allDay], new Map()).get('r1')).toBeNull();
    const chosen = run('r1', '09:00', '10:00', { withdrawnDriverUserIds: ['ana'], vehicleDriverUserId: 'ana' });
    expect(assignDrivers([chosen], [morning, allDay], new Map()).get('r1')).toBe('ana');
  });

  it('leaves out an absent driver, and gives a vehicle’s runs to its own driver only', () => {
    const away = driver('cleo', { start: '07:00', end: '19:00' }, [{ from: '2026-11-23', to: '2026-11-25' }]);
    expect(assignDrivers([run('r1', '09:00', '10:00')], [away], new Map()).get('r1')).toBeNull();
    const decided = assignDrivers(
      [run('r1', '09:00', '10:00', { vehicleDriverUserId: 'ana' }), run('r2', '09:00', '10:00', { vehicleDriverUserId: 'cleo' })],
      [morning, allDay, away],
      new Map(),
    );
    expect(Object.fromEntries(decided)).toEqual({ r1: 'ana', r2: null });
  });
});
