import { HttpException, type Logger } from '@nestjs/common';
import { isDomainError } from '#domain';
import { GraphQLError } from 'graphql';
import { ERROR_MESSAGES, renderMessage, TRANSPORT_MESSAGES, type Language } from './error-messages';

/**
 * The one place where failures become what a client sees: a domain error keeps its code, the field
 * at fault and a message in the caller's language; anything unexpected is logged in full and
 * answered with a generic INTERNAL_SERVER_ERROR, so no stack trace, SQL or internal message leaks.
 */
export function toGraphQLError(error: unknown, language: Language, logger: Pick<Logger, 'error'>): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (isDomainError(error)) {
    return new GraphQLError(renderMessage(ERROR_MESSAGES[error.code], language, error.params), {
      extensions: {
        code: error.code,
        ...(error.field !== undefined ? { field: error.field } : {}),
        ...(Object.keys(error.params).length > 0 ? { params: error.params } : {}),
      },
    });
  }
  if (isDatabaseUnavailable(error)) {
    return new GraphQLError(TRANSPORT_MESSAGES.SERVICE_UNAVAILABLE[language], { extensions: { code: 'SERVICE_UNAVAILABLE' } });
  }
  if (error instanceof HttpException && error.getStatus() === 413) {
    return new GraphQLError(TRANSPORT_MESSAGES.PAYLOAD_TOO_LARGE[language], { extensions: { code: 'PAYLOAD_TOO_LARGE' } });
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return new GraphQLError(TRANSPORT_MESSAGES.INTERNAL_SERVER_ERROR[language], { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

// A query made while PostgreSQL or Redis is down is the service's state, not a bug.
function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    error.name === 'ConnectionIsNotSetError' ||
    code === 'ECONNREFUSED' ||
    code === '57P01' ||
    /Connection is closed|Stream isn't writeable|enableOfflineQueue options is false/.test(error.message)
  );
}
