import { Catch, Logger, type ArgumentsHost } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { requestIdOf } from '../http/request-log.middleware';
import { toGraphQLError } from './to-graphql-error';

/** Every error thrown by a resolver, guard or pipe goes through here (registered as APP_FILTER). */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError {
    const context = GqlArgumentsHost.create(host).getContext<GraphQLContext | undefined>();
    const requestId = requestIdOf(context?.req);
    // Unexpected errors are logged with the request id, so a support ticket quoting it finds them.
    const logger = { error: (message: string) => this.logger.error(requestId ? `[request ${requestId}] ${message}` : message) };
    return toGraphQLError(exception, context?.language ?? 'fr', logger);
  }
}
