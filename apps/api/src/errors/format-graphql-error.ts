import type { GraphQLFormattedError } from 'graphql';

// Codes produced before any resolver runs (Apollo's own) or by our mapping; anything else is masked.
const KNOWN_TRANSPORT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'PAYLOAD_TOO_LARGE',
]);

/**
 * Apollo's last word on every error: keeps only code, field and params in extensions (never a
 * stack trace), hides schema suggestions when introspection is off, and masks uncoded errors.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, options: { hideSchemaDetails: boolean; domainCodes: ReadonlySet<string> }): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  if (code === undefined || (!KNOWN_TRANSPORT_CODES.has(code) && !options.domainCodes.has(code))) {
    return { message: 'Une erreur interne est survenue. Réessayez plus tard.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const { field, params } = formatted.extensions ?? {};
  const message = options.hideSchemaDetails ? formatted.message.replace(/ ?Did you mean .*\?$/, '') : formatted.message;
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code, ...(field !== undefined ? { field } : {}), ...(params !== undefined ? { params } : {}) },
  };
}
