export * from './notifications-persistence.module';
export * from './offer-notification.repository';
export * from './member-email-directory.repository';
