import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_NAMES, type JobName } from '#application';
import { JOB_HANDLER_METADATA, type JobHandler } from './job-handler';

export class JobRegistryError extends Error {
  override name = 'JobRegistryError';
}

/**
 * Finds every @HandlesJob provider at start-up and refuses to start the worker unless each job
 * name has exactly one handler: a job nobody handles would be retried into the failed set, and two
 * handlers would race.
 */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      // Nest leaves provider instances untyped: narrow to unknown before trusting the metadata.
      const instance: unknown = wrapper.instance;
      const metatype = wrapper.metatype;
      if (!instance || !metatype) continue;
      const name = Reflect.getMetadata(JOB_HANDLER_METADATA, metatype) as string | undefined;
      if (name === undefined) continue;
      found.set(name, [...(found.get(name) ?? []), metatype.name]);
      this.handlers.set(name as JobName, instance as JobHandler<JobName>);
    }
    assertOneHandlerPerJob(found);
  }

  get<N extends JobName>(name: N): JobHandler<N> {
    const handler = this.handlers.get(name);
    if (!handler) throw new JobRegistryError(`no handler for job ${name}`);
    return handler;
  }
}

/** Exported for its unit test: the whole rule, independent of Nest's discovery. */
export function assertOneHandlerPerJob(found: ReadonlyMap<string, readonly string[]>): void {
  const problems: string[] = [];
  for (const name of JOB_NAMES) {
    const classes = found.get(name) ?? [];
    if (classes.length === 0) problems.push(`job "${name}" has no handler`);
    if (classes.length > 1) problems.push(`job "${name}" has ${classes.length} handlers: ${classes.join(', ')}`);
  }
  for (const name of found.keys()) {
    if (!(JOB_NAMES as readonly string[]).includes(name)) problems.push(`handler for unknown job "${name}"`);
  }
  if (problems.length > 0) throw new JobRegistryError(`job registry is inconsistent: ${problems.join('; ')}`);
}
