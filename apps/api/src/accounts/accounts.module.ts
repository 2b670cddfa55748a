import { Module } from '@nestjs/common';
import {
  ClockModule,
  GetCurrentUser,
  LoginUser,
  Logout,
  RefreshSession,
  RegisterUser,
  ResendVerificationEmail,
  SessionIssuer,
  SessionSettings,
  VerifyEmail,
} from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { RateLimitModule, SessionRevocationModule } from '#jobs';
import { AccountsPersistenceModule, PersistenceModule } from '#persistence';
import { AccessTokenModule } from '../auth/access-token.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { AccountsResolver } from './accounts.resolver';

/** Accounts and sessions: register, verifyEmail, resendVerificationEmail, login, refreshToken, logout, me. */
@Module({
  imports: [AccessTokenModule, AccountsPersistenceModule, PersistenceModule, RateLimitModule, SessionRevocationModule, OrganizationsModule, ClockModule],
  providers: [
    AccountsResolver,
    RegisterUser,
    LoginUser,
    RefreshSession,
    Logout,
    GetCurrentUser,
    VerifyEmail,
    ResendVerificationEmail,
    SessionIssuer,
    {
      provide: SessionSettings,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): SessionSettings => ({
        refreshTtlSeconds: config.jwt.refreshTtlSeconds,
        maxSessionSeconds: config.jwt.maxSessionSeconds,
      }),
    },
  ],
})
export class AccountsModule {}
