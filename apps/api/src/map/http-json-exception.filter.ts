import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { isDomainError, type DomainErrorCode } from '#domain';
import type { Request, Response } from 'express';
import { ERROR_MESSAGES, renderMessage, TRANSPORT_MESSAGES, type Language } from '../errors/error-messages';
import { preferredLanguage } from '../errors/language';

export interface HttpErrorBody {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

function statusOf(code: DomainErrorCode): number {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'EMAIL_NOT_VERIFIED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'RATE_LIMITED':
      return 429;
    default:
      // Every other domain code is input the client should correct.
      return 400;
  }
}

/** The REST counterpart of toGraphQLError: same codes, same localized messages, as JSON with an HTTP status. */
export function toHttpError(error: unknown, language: Language, logger: Pick<Logger, 'error'>): { status: number; body: HttpErrorBody } {
  if (isDomainError(error)) {
    return {
      status: statusOf(error.code),
      body: {
        code: error.code,
        message: renderMessage(ERROR_MESSAGES[error.code], language, error.params),
        ...(error.field !== undefined ? { field: error.field } : {}),
        ...(Object.keys(error.params).length > 0 ? { params: error.params } : {}),
      },
    };
  }
  if (error instanceof HttpException && error.getStatus() < 500) {
    return { status: error.getStatus(), body: { code: 'BAD_REQUEST', message: error.message } };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: TRANSPORT_MESSAGES.INTERNAL_SERVER_ERROR[language] } };
}

/**
 * For REST controllers (bound with @UseFilters, which takes precedence over the global GraphQL
 * filter): a coded JSON error a client handles like the GraphQL ones.
 */
@Catch()
export class HttpJsonExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const { status, body } = toHttpError(exception, preferredLanguage(request.headers['accept-language']), this.logger);
    if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer');
    response.status(status).json(body);
  }
}
