export * from './mailer.port';
export * from './notification-settings.port';
export * from './offer-notification-repository.port';
export * from './member-email-directory.port';
export * from './offer-email.template';
export * from './broadcast-offer.use-case';
export * from './send-offer-email.use-case';
