import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from '#application';

export const JOB_HANDLER_METADATA = 'glane:job-handler';

/** What a handler learns about the job beyond its payload. */
export interface JobContext {
  readonly jobId: string;
  /** 1 on the first try; retries count up. */
  readonly attempt: number;
}

/** One class per job name; it should only turn the payload into a use case call. */
export interface JobHandler<N extends JobName> {
  handle(payload: JobPayloads[N], context: JobContext): Promise<void>;
}

/** Marks a provider as the handler of a job name; the registry checks there is exactly one per name. */
export const HandlesJob = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER_METADATA, name);
