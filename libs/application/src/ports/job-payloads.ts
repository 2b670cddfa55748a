/**
 * Every kind of background work and the payload it carries. The jobs library maps each name to a
 * queue and its retry policy (a Record over JobName, so a new job must be placed there), and the
 * worker refuses to start unless each name has exactly one handler.
 */
export interface JobPayloads {
  /** A round trip through the worker, used by operators and the end-to-end tests to prove the pipeline. */
  'system.heartbeat': { requestId: string; requestedAt: string };
  /** The scheduled sweep (every minute) that expires offers whose window is over or whose DLC leaves no margin. */
  'offers.expire-due': Record<string, never>;
}

export type JobName = keyof JobPayloads;

export const JOB_NAMES = ['system.heartbeat', 'offers.expire-due'] as const satisfies readonly JobName[];

// Fails to compile if JOB_NAMES misses a key of JobPayloads.
type MissingJobName = Exclude<JobName, (typeof JOB_NAMES)[number]>;
const everyJobNameListed: MissingJobName extends never ? true : never = true;
void everyJobNameListed;
