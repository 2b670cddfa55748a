import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenIssuer, AccessTokenVerifier } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { JwtAccessTokens } from './access-token.service';

/**
 * Global because the GraphQL context (built in GraphQLModule's own scope) verifies the token of
 * every request before any resolver runs.
 */
@Global()
@Module({
  imports: [
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
