import { BadRequestException } from '@nestjs/common';
import { DOMAIN_ERROR_CODES, DomainError } from '#domain';
import { toHttpError } from './http-json-exception.filter';

const logger = { error: jest.fn() };

describe('toHttpError', () => {
  it('answers 401 with the code and the field for UNAUTHENTICATED, in the caller’s language', () => {
    expect(toHttpError(new DomainError('UNAUTHENTICATED', 'authorization', { reason: 'expired' }), 'en', logger)).toEqual({
      status: 401,
      body: { code: 'UNAUTHENTICATED', message: 'Please sign in to continue.', field: 'authorization', params: { reason: 'expired' } },
    });
  });

  it('answers 400 for input rules, with the filled-in message', () => {
    const { status, body } = toHttpError(new DomainError('BBOX_TOO_LARGE', 'bbox', { maxDegrees: 5 }), 'fr', logger);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'BBOX_TOO_LARGE', field: 'bbox' });
    expect(body.message).toContain('5°');
  });

  it('maps FORBIDDEN to 403, NOT_FOUND to 404, CONFLICT and other states of the world to 409, RATE_LIMITED to 429', () => {
    expect(toHttpError(new DomainError('FORBIDDEN'), 'fr', logger).status).toBe(403);
    expect(toHttpError(new DomainError('NOT_FOUND'), 'fr', logger).status).toBe(404);
    expect(toHttpError(new DomainError('CONFLICT'), 'fr', logger).status).toBe(409);
    expect(toHttpError(new DomainError('ILLEGAL_OFFER_TRANSITION', 'id'), 'fr', logger).status).toBe(409);
    expect(toHttpError(new DomainError('RATE_LIMITED', 'email', { retryAfterSeconds: 3 }), 'fr', logger).status).toBe(429);
  });

  it('gives every domain code a client-error status', () => {
    for (const code of DOMAIN_ERROR_CODES) {
      const { status, body } = toHttpError(new DomainError(code), 'en', logger);
      expect([400, 401, 403, 404, 409, 429]).toContain(status);
      expect(body.code).toBe(code);
    }
  });

  it('answers 503 SERVICE_UNAVAILABLE while the database is unreachable, as GraphQL does', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toHttpError(refused, 'en', logger)).toMatchObject({ status: 503, body: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('keeps a client-side HTTP status, and hides anything unexpected behind a logged 500', () => {
    expect(toHttpError(new BadRequestException('nope'), 'en', logger).status).toBe(400);
    const hidden = toHttpError(new Error('relation "x" does not exist'), 'en', logger);
    expect(hidden).toEqual({ status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: expect.any(String) as string } });
    expect(JSON.stringify(hidden.body)).not.toContain('relation');
  });
});
