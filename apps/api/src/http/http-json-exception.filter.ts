import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorAnswer } from '../errors/error-answer';
import type { Language } from '../errors/error-messages';
import { preferredLanguage } from '../errors/language';

export interface HttpErrorBody {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The REST counterpart of toGraphQLError: the same mapping (toErrorAnswer), as JSON with its HTTP status. */
export function toHttpError(error: unknown, language: Language, logger: Pick<Logger, 'error'>): { status: number; body: HttpErrorBody } {
  const { status, ...body } = toErrorAnswer(error, language, logger);
  return { status, body };
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
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const { status, body } = toHttpError(exception, preferredLanguage(request.headers['accept-language']), this.logger);
    if (status === 401) void reply.header('WWW-Authenticate', 'Bearer');
    void reply.status(status).send(body);
  }
}
