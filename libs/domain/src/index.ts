export * from './errors/domain-error';
export * from './errors/domain-error-codes';
export * from './shared/temperature-class';
