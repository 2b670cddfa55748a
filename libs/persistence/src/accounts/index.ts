export * from './accounts-persistence.module';
export * from './argon2-password-hasher';
export * from './email-verification-token.entity';
export * from './email-verification-token.repository';
export * from './refresh-token.entity';
export * from './refresh-token.repository';
export * from './user.entity';
export * from './user.repository';
