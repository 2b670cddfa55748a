export * from './calendar-feed-repository.port';
export * from './driver-calendar-source.port';
export * from './issue-calendar-feed.use-case';
export * from './revoke-calendar-feed.use-case';
export * from './get-driver-calendar.query';
