export * from './calendar-persistence.module';
export * from './calendar-feed.entity';
export * from './calendar-feed.repository';
export * from './driver-calendar.source';
