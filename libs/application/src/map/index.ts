export * from './bounding-box';
export * from './map-feature-source.port';
export * from './get-map-features.query';
export * from './map-access.policy';
