export * from './data-source-options';
export * from './database-connector.service';
export * from './persistence.module';
export * from './accounts/index';
export * from './organizations/index';
export * from './offers/index';
export * from './matching/index';
