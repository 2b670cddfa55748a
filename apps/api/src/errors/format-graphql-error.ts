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
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  options: { hideSchemaDetails: boolean; domainCodes: ReadonlySet<string> },
): GraphQLFormattedError {
  const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : undefined;
  if (code === undefined || (!KNOWN_TRANSPORT_CODES.has(code) && !options.domainCodes.has(code))) {
    return { message: 'Une erreur interne est survenue. Réessayez plus tard.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  const { params } = formatted.extensions ?? {};
  const field = formatted.extensions?.field ?? (code === 'BAD_USER_INPUT' ? fieldOfCoercionError(formatted.message) : undefined);
  const message = options.hideSchemaDetails ? formatted.message.replace(/ ?Did you mean .*\?$/, '') : formatted.message;
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code, ...(field !== undefined ? { field } : {}), ...(params !== undefined ? { params } : {}) },
  };
}

/**
 * graphql-js names the offending place of a variable only in its message
 * ('Variable "$input" got invalid value "BOSS" at "input.role"; ...'): give it as the field, like
 * domain errors do, so clients can point at it ('input.role' → 'role').
 */
export function fieldOfCoercionError(message: string): string | undefined {
  const match = /^Variable "\$(\w+)" got invalid value .*? at "([^"]+)"/.exec(message) ?? /^Variable "\$(\w+)" got invalid value/.exec(message);
  if (!match) return undefined;
  const [, variable, path] = match;
  if (path === undefined) return variable;
  return path.startsWith(`${variable}.`) ? path.slice(variable.length + 1) : path;
}
