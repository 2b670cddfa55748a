import { formatGraphQLError } from './format-graphql-error';

const domainCodes = new Set(['INVALID_SIRET']);

describe('formatGraphQLError: the last filter before a response leaves', () => {
  it('strips stack traces and any extension other than code, field and params', () => {
    const formatted = formatGraphQLError(
      { message: 'SIRET invalide', extensions: { code: 'INVALID_SIRET', field: 'legalId', stacktrace: ['at x'], exception: { sql: 'SELECT' } } },
      { hideSchemaDetails: false, domainCodes },
    );
    expect(formatted).toEqual({ message: 'SIRET invalide', extensions: { code: 'INVALID_SIRET', field: 'legalId' } });
  });

  it('masks errors that carry no known code', () => {
    const formatted = formatGraphQLError(
      { message: 'duplicate key value violates unique constraint "users_email"' },
      { hideSchemaDetails: false, domainCodes },
    );
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(formatted.message).not.toContain('duplicate key');
  });

  it('names the field at fault of a variable that does not coerce (an unknown enum value)', () => {
    const formatted = formatGraphQLError(
      {
        message: 'Variable "$input" got invalid value "BOSS" at "input.role"; Value "BOSS" does not exist in "MemberRole" enum.',
        extensions: { code: 'BAD_USER_INPUT' },
      },
      { hideSchemaDetails: false, domainCodes },
    );
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'role' });
  });

  it('names the variable itself when the whole value is wrong', () => {
    const formatted = formatGraphQLError(
      { message: 'Variable "$id" got invalid value 12; ID cannot represent value: 12', extensions: { code: 'BAD_USER_INPUT' } },
      { hideSchemaDetails: false, domainCodes },
    );
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('removes field suggestions when schema details are hidden (production)', () => {
    const message = 'Cannot query field "pingg" on type "Query". Did you mean "ping"?';
    const hidden = formatGraphQLError({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, { hideSchemaDetails: true, domainCodes });
    expect(hidden.message).toBe('Cannot query field "pingg" on type "Query".');
    const shown = formatGraphQLError({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, { hideSchemaDetails: false, domainCodes });
    expect(shown.message).toBe(message);
  });
});
