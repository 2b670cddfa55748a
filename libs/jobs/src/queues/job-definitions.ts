import type { JobName } from '#application';
import type { JobsOptions } from 'bullmq';
import type { QueueName } from './queue-names';

/** Retries with exponential backoff, set here once for every job unless a definition says otherwise. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export interface JobDefinition {
  readonly queue: QueueName;
  readonly options?: JobsOptions;
}

/** Where each job runs and how it is retried. A Record over JobName: a new job must be placed here. */
export const JOB_DEFINITIONS: Readonly<Record<JobName, JobDefinition>> = {
  'system.heartbeat': { queue: 'system', options: { attempts: 3, backoff: { type: 'exponential', delay: 500 } } },
  // A failed sweep is not retried: the next one, a minute later, does the same work.
  'accounts.purge-expired-sessions': { queue: 'system', options: { attempts: 3, removeOnComplete: { count: 20 }, removeOnFail: { count: 50 } } },
  'offers.expire-due': { queue: 'offers', options: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } },
  // A circle that fails is retried; offer_notifications keeps a retry from telling anyone twice.
  'offers.broadcast': { queue: 'notifications' },
  // An SMTP relay can be down for a while: more, slower retries (up to about an hour in all).
  'notifications.offer-email': { queue: 'notifications', options: { attempts: 8, backoff: { type: 'exponential', delay: 15000 } } },
  // The same for the link a new account waits for; each retry sends a fresh link (only hashes are kept).
  'accounts.verification-email': { queue: 'notifications', options: { attempts: 8, backoff: { type: 'exponential', delay: 15000 } } },
  'notifications.claim-email': { queue: 'notifications', options: { attempts: 8, backoff: { type: 'exponential', delay: 15000 } } },
  // A hint to reload: quick retries, then let it go (the next change, or a reload, brings it up to date).
  'offers.changed-notice': { queue: 'offers', options: { attempts: 3, backoff: { type: 'exponential', delay: 500 } } },
  'claims.plan-pickup': { queue: 'offers' },
  'runs.changed-notice': { queue: 'offers', options: { attempts: 3, backoff: { type: 'exponential', delay: 500 } } },
  'notifications.unserved-pickups-email': { queue: 'notifications', options: { attempts: 8, backoff: { type: 'exponential', delay: 15000 } } },
  'notifications.refusal-email': { queue: 'notifications', options: { attempts: 8, backoff: { type: 'exponential', delay: 15000 } } },
  'runs.day-changed': { queue: 'offers' },
  // Retried like any job; a worker that dies while re-planning leaves it to the stalled-job check, which hands it to another.
  'runs.replan': { queue: 'offers' },
  'notifications.open-run-email': { queue: 'notifications', options: { attempts: 8, backoff: { type: 'exponential', delay: 15000 } } },
  'runs.untaken-check': { queue: 'notifications', options: { attempts: 8, backoff: { type: 'exponential', delay: 15000 } } },
  // Live, like the other notices: quick retries (the e-mail, a job of its own, is the durable way).
  'runs.open-run-notice': { queue: 'offers', options: { attempts: 3, backoff: { type: 'exponential', delay: 500 } } },
  'claims.purge-idempotency-keys': { queue: 'system', options: { attempts: 3, removeOnComplete: { count: 20 }, removeOnFail: { count: 50 } } },
};
