export * from './accounts-persistence.module';
export * from './argon2-password-hasher';
export * from './refresh-token.entity';
export * from './refresh-token.repository';
export * from './user.entity';
export * from './user.repository';
