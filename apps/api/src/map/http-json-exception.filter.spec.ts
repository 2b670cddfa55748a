import { BadRequestException } from '@nestjs/common';
import { DomainError } from '#domain';
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

  it('maps FORBIDDEN to 403 and NOT_FOUND to 404', () => {
    expect(toHttpError(new DomainError('FORBIDDEN'), 'fr', logger).status).toBe(403);
    expect(toHttpError(new DomainError('NOT_FOUND'), 'fr', logger).status).toBe(404);
  });

  it('keeps a client-side HTTP status, and hides anything unexpected behind a logged 500', () => {
    expect(toHttpError(new BadRequestException('nope'), 'en', logger).status).toBe(400);
    const hidden = toHttpError(new Error('relation "x" does not exist'), 'en', logger);
    expect(hidden).toEqual({ status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: expect.any(String) as string } });
    expect(JSON.stringify(hidden.body)).not.toContain('relation');
  });
});
