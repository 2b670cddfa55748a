export * from './map-persistence.module';
export * from './map-feature.repository';
export * from './map-feature.sql';
