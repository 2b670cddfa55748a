import { DomainError } from '../errors/domain-error';
import { RUN_STATUSES, RunStatus } from './run-status';
import { RUN_EVENTS, canApplyRunEvent, isTerminalRunStatus, nextRunStatus, type RunEvent } from './run-status.machine';

/** The lifecycle written out a second time, by hand: every triple listed is legal, every other pair throws. */
const LEGAL: ReadonlyArray<[RunStatus, RunEvent, RunStatus]> = [
  ['PLANNED', 'ASSIGN', 'ASSIGNED'],
  ['PLANNED', 'CANCEL', 'CANCELLED'],
  ['ASSIGNED', 'RELEASE', 'PLANNED'],
  ['ASSIGNED', 'START', 'IN_PROGRESS'],
  ['ASSIGNED', 'CANCEL', 'CANCELLED'],
  ['IN_PROGRESS', 'COMPLETE', 'COMPLETED'],
];

const allPairs = RUN_STATUSES.flatMap((status) => RUN_EVENTS.map((event) => [status, event] as const));

describe('run status machine', () => {
  it('has 5 statuses × 5 events = 25 pairs to judge', () => {
    expect(allPairs).toHaveLength(25);
  });

  it.each(allPairs)('%s + %s follows the table', (from, event) => {
    const expected = LEGAL.find(([f, e]) => f === from && e === event)?.[2];
    if (expected === undefined) {
      expect(canApplyRunEvent(from, event)).toBe(false);
      expect(() => nextRunStatus(from, event)).toThrow(DomainError);
      expect(() => nextRunStatus(from, event)).toThrow(expect.objectContaining({ code: 'ILLEGAL_RUN_TRANSITION', params: { from, event } }));
    } else {
      expect(canApplyRunEvent(from, event)).toBe(true);
      expect(nextRunStatus(from, event)).toBe(expected);
    }
  });

  it('ends in COMPLETED or CANCELLED; a run on the road is never cancelled nor released', () => {
    expect(RUN_STATUSES.filter(isTerminalRunStatus)).toEqual([RunStatus.COMPLETED, RunStatus.CANCELLED]);
    expect(canApplyRunEvent(RunStatus.IN_PROGRESS, 'CANCEL')).toBe(false);
    expect(canApplyRunEvent(RunStatus.IN_PROGRESS, 'RELEASE')).toBe(false);
  });
});
