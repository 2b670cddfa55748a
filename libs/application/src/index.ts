export * from './ports/clock.port';
export * from './ports/event-payloads';
export * from './ports/event-publisher.port';
export * from './ports/job-payloads';
export * from './ports/job-scheduler.port';
export * from './system/answer-heartbeat.use-case';
export * from './system/request-heartbeat.use-case';
export * from './auth/actor';
