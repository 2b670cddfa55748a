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
 * expired token: UNAUTHENTICATED, answered 401 by HttpJsonExceptionFilter; an account whose
 * address is not verified: EMAIL_NOT_VERIFIED, 403.
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
      case 'bearer': {
        const actor = this.verifier.verify(token.token);
        // As for GraphQL: an account that has not verified its address sees nothing.
        if (!actor.emailVerified) throw new DomainError('EMAIL_NOT_VERIFIED', 'authorization');
        setRequestActor(request, actor);
        return true;
      }
      default:
        return assertNever(token, 'presented token');
    }
  }
}
