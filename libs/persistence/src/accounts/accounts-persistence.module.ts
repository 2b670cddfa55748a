import { Module } from '@nestjs/common';
import { EmailVerificationTokenRepository, PasswordHasher, RefreshTokenRepository, UserRepository } from '#application';
import { Argon2PasswordHasher } from './argon2-password-hasher';
import { TypeOrmEmailVerificationTokenRepository } from './email-verification-token.repository';
import { TypeOrmRefreshTokenRepository } from './refresh-token.repository';
import { TypeOrmUserRepository } from './user.repository';
import { PersistenceModule } from '../persistence.module';

/** Binds the accounts ports to PostgreSQL and argon2. */
@Module({
  imports: [PersistenceModule],
  providers: [
    { provide: UserRepository, useClass: TypeOrmUserRepository },
    { provide: RefreshTokenRepository, useClass: TypeOrmRefreshTokenRepository },
    { provide: PasswordHasher, useClass: Argon2PasswordHasher },
    { provide: EmailVerificationTokenRepository, useClass: TypeOrmEmailVerificationTokenRepository },
  ],
  exports: [UserRepository, RefreshTokenRepository, PasswordHasher, EmailVerificationTokenRepository],
})
export class AccountsPersistenceModule {}
