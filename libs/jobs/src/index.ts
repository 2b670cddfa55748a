export * from './events/events.module';
export * from './events/redis-event-bus';
export * from './jobs.module';
export * from './queues/job-definitions';
export * from './queues/queue-names';
export * from './redis-connection';
export * from './worker/job-handler';
export * from './worker/job-handler-registry';
