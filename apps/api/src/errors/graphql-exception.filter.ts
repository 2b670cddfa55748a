import { Catch, Logger, type ArgumentsHost } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { requestIdOf } from '../http/request-log.hooks';
import { toErrorAnswer } from './error-answer';
import { preferredLanguage } from './language';
import { toGraphQLError } from './to-graphql-error';

/**
 * Every error thrown by a resolver, guard or pipe goes through here (registered as APP_FILTER).
 * So do requests Fastify refuses before GraphQL sees them (a body over the limit, not JSON): those
 * are answered here in the shape of a GraphQL error with a stable code and their HTTP status. Other
 * HTTP errors outside GraphQL (the readiness probe's 503, an unknown route) keep Nest's answer.
 */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError | undefined {
    if (host.getType() === 'http') {
      const request = host.switchToHttp().getRequest<FastifyRequest>();
      if (isRefusedGraphQLRequest(exception, request)) {
        const logger = this.loggerFor(requestIdOf(request));
        const { status, code, message } = toErrorAnswer(exception, preferredLanguage(request.headers['accept-language']), logger);
        void host
          .switchToHttp()
          .getResponse<FastifyReply>()
          .status(status)
          .send({ errors: [{ message, extensions: { code } }] });
        return undefined;
      }
    }
    const context = GqlArgumentsHost.create(host).getContext<GraphQLContext | undefined>();
    return toGraphQLError(exception, context?.language ?? 'fr', this.loggerFor(requestIdOf(context?.req)));
  }

  // Unexpected errors are logged with the request id, so a support ticket quoting it finds them.
  private loggerFor(requestId: string | undefined): Pick<Logger, 'error'> {
    return { error: (message: string) => this.logger.error(requestId ? `[request ${requestId}] ${message}` : message) };
  }
}

/** A request to the GraphQL route that Fastify refused before running it (its body: size, syntax, content type). */
function isRefusedGraphQLRequest(exception: unknown, request: FastifyRequest): boolean {
  const cause = exception instanceof Error ? (exception.cause as { code?: unknown } | undefined) : undefined;
  return request.routeOptions.url === '/graphql' && typeof cause?.code === 'string' && cause.code.startsWith('FST_ERR_CTP_');
}
