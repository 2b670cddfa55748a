import { JOB_NAMES } from '#application';
import { assertOneHandlerPerJob, JobRegistryError } from './job-handler-registry';

const oneHandlerEach = (): Map<string, string[]> => new Map(JOB_NAMES.map((name) => [name, [`${name}Handler`]]));

describe('the job registry check at worker start-up', () => {
  it('accepts exactly one handler per job name', () => {
    expect(() => assertOneHandlerPerJob(oneHandlerEach())).not.toThrow();
  });

  it('refuses a job that nobody handles', () => {
    expect(() => assertOneHandlerPerJob(new Map())).toThrow(/"system.heartbeat" has no handler/);
  });

  it('refuses two handlers for one job, naming both', () => {
    expect(() => assertOneHandlerPerJob(new Map([['system.heartbeat', ['A', 'B']]]))).toThrow(/2 handlers: A, B/);
  });

  it('refuses a handler for a job name that does not exist', () => {
    const found = new Map([
      ['system.heartbeat', ['HeartbeatHandler']],
      ['offers.typo', ['Stray']],
    ]);
    expect(() => assertOneHandlerPerJob(found)).toThrow(JobRegistryError);
  });
});
