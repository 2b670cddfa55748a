import { DomainError } from '#domain';
import { GraphQLError } from 'graphql';
import { toGraphQLError } from './to-graphql-error';

const silentLogger = { error: jest.fn() };

describe('toGraphQLError: the one mapping from failures to what clients see', () => {
  beforeEach(() => silentLogger.error.mockClear());

  it("keeps a domain error's code, field and params, with a French message by default", () => {
    const error = toGraphQLError(new DomainError('RATE_LIMITED', 'email', { retryAfterSeconds: 42 }), 'fr', silentLogger);
    expect(error.extensions).toEqual({ code: 'RATE_LIMITED', field: 'email', params: { retryAfterSeconds: 42 } });
    expect(error.message).toBe('Trop de tentatives. Réessayez dans 42 secondes.');
  });

  it('speaks English to clients that prefer it', () => {
    const error = toGraphQLError(new DomainError('INVALID_SIRET', 'legalId'), 'en', silentLogger);
    expect(error.extensions.code).toBe('INVALID_SIRET');
    expect(error.message).not.toMatch(/SIRET invalide|[éè]/);
  });

  it('hides an unexpected error behind INTERNAL_SERVER_ERROR and logs it in full', () => {
    const error = toGraphQLError(new Error('relation "users" does not exist at character 15'), 'fr', silentLogger);
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(error.message).not.toContain('relation');
    expect(silentLogger.error).toHaveBeenCalledTimes(1);
  });

  it('reports an unreachable database as SERVICE_UNAVAILABLE, not as a bug', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toGraphQLError(refused, 'en', silentLogger).extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(silentLogger.error).not.toHaveBeenCalled();
  });

  it('passes GraphQL errors raised by the framework through unchanged', () => {
    const original = new GraphQLError('Variable "$id" got invalid value', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(toGraphQLError(original, 'fr', silentLogger)).toBe(original);
  });
});
