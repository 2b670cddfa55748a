import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenIssuer, AccessTokenVerifier, ClockModule } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { JwtAccessTokens } from './access-token.service';

/**
 * Issues and verifies access tokens. Imported by accounts (sign-in), by GraphQLModule.forRootAsync
 * (the context verifies each request's token before any resolver runs) and by the map feed's guard.
 */
@Module({
  imports: [
    ClockModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a
      // PEM public key on every verification, which cost more CPU than the rest of a small query.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwt.accessSecret, 'utf8')) }),
    }),
  ],
  providers: [JwtAccessTokens, { provide: AccessTokenIssuer, useExisting: JwtAccessTokens }, { provide: AccessTokenVerifier, useExisting: JwtAccessTokens }],
  exports: [AccessTokenIssuer, AccessTokenVerifier],
})
export class AccessTokenModule {}
