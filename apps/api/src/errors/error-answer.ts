import { HttpException, type Logger } from '@nestjs/common';
import { isDomainError } from '#domain';
import { ERROR_MESSAGES, renderMessage, TRANSPORT_MESSAGES, type Language } from './error-messages';
import { httpStatusOf } from './http-status';

/** What a client is told of a failure, whichever way it came (GraphQL or REST). */
export interface ErrorAnswer {
  /** The HTTP status a REST route (or a refused request) answers with. */
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/**
 * The one mapping from failures to what clients see: a domain error keeps its code, the field at
 * fault and a message in the caller's language; an unreachable database is the service's state
 * (SERVICE_UNAVAILABLE); a request the HTTP layer refused (body too large, not JSON) keeps its
 * status; anything else is logged in full and answered with a generic INTERNAL_SERVER_ERROR, so no
 * stack trace, SQL or internal message leaks.
 */
export function toErrorAnswer(error: unknown, language: Language, logger: Pick<Logger, 'error'>): ErrorAnswer {
  if (isDomainError(error)) {
    return {
      status: httpStatusOf(error.code),
      code: error.code,
      message: renderMessage(ERROR_MESSAGES[error.code], language, error.params),
      ...(error.field !== undefined ? { field: error.field } : {}),
      ...(Object.keys(error.params).length > 0 ? { params: error.params } : {}),
    };
  }
  if (isDatabaseUnavailable(error)) {
    return { status: 503, code: 'SERVICE_UNAVAILABLE', message: TRANSPORT_MESSAGES.SERVICE_UNAVAILABLE[language] };
  }
  if (error instanceof HttpException && error.getStatus() === 413) {
    return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: TRANSPORT_MESSAGES.PAYLOAD_TOO_LARGE[language] };
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    // A request refused before any of our code ran (unreadable JSON, an unsupported content type, a
    // malformed query string): the framework's own message is in English only and may quote the input.
    return { status: error.getStatus(), code: 'BAD_REQUEST', message: TRANSPORT_MESSAGES.BAD_REQUEST[language] };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: TRANSPORT_MESSAGES.INTERNAL_SERVER_ERROR[language] };
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
