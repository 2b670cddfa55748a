import { Catch, Logger, type ArgumentsHost } from '@nestjs/common';
import { GqlArgumentsHost, type GqlExceptionFilter } from '@nestjs/graphql';
import type { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { toGraphQLError } from './to-graphql-error';

/** Every error thrown by a resolver, guard or pipe goes through here (registered as APP_FILTER). */
@Catch()
export class GraphQLExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError {
    const context = GqlArgumentsHost.create(host).getContext<GraphQLContext | undefined>();
    return toGraphQLError(exception, context?.language ?? 'fr', this.logger);
  }
}
