export * from './app-config';
export * from './config-validation.error';
export * from './config.module';
export * from './load-config';
export * from './logger-options';
