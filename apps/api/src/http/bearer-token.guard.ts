import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { AccessTokenVerifier } from '#application';
import { assertNever, DomainError } from '#domain';
import type { FastifyRequest } from 'fastify';
import { presentedToken } from '../auth/access-token.context';
import { setRequestActor } from './request-actor';

/**
 * REST routes outside GraphQL (the live map) authenticate exactly as GraphQL does: the same
 * `Authorization: Bearer <access token>`, parsed by presentedToken and verified by the same
 * AccessTokenVerifier (HS256, issuer, audience, expiry). No token, a malformed header, or a bad or
 * expired token: UNAUTHENTICATED, answered 401 by HttpJsonExceptionFilter.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  constructor(private readonly verifier: AccessTokenVerifier) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = presentedToken(request.headers.authorization);
    switch (token.kind) {
      case 'none':
        throw new DomainError('UNAUTHENTICATED', 'authorization');
      case 'malformed':
        throw new DomainError('UNAUTHENTICATED', 'authorization', { reason: 'invalid' });
      case 'bearer':
        setRequestActor(request, this.verifier.verify(token.token));
        return true;
      default:
        return assertNever(token, 'presented token');
    }
  }
}
