import { Inject, Injectable } from '@nestjs/common';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GqlOptionsFactory } from '@nestjs/graphql';
import { AccessTokenVerifier } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { DOMAIN_ERROR_CODES } from '#domain';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Context as WebSocketContext } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import { presentedToken, withLazyActor } from '../auth/access-token.context';
import { formatGraphQLError } from '../errors/format-graphql-error';
import { preferredLanguage } from '../errors/language';
import type { GraphQLContext } from './graphql-context';

const domainCodes: ReadonlySet<string> = new Set(DOMAIN_ERROR_CODES);

@Injectable()
export class GraphQLOptionsFactory implements GqlOptionsFactory<ApolloDriverConfig> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accessTokens: AccessTokenVerifier,
  ) {}

  createGqlOptions(): ApolloDriverConfig {
    const hideSchemaDetails = !this.config.graphql.introspection;
    // Limits on what one document may ask for, so a single request cannot exhaust the server.
    const armor = new ApolloArmor({
      maxDepth: { n: 10 },
      costLimit: { maxCost: 20000 },
      maxAliases: { n: 20 },
      maxDirectives: { n: 20 },
      // Its Apollo plugin re-parses the document and turns syntax errors into HTTP 500s; the body
      // size limit already bounds how many tokens a document can have.
      maxTokens: { enabled: false },
      blockFieldSuggestion: { enabled: hideSchemaDetails },
    }).protect();
    return {
      // graphql-armor's types come from @apollo/server's CJS build and Nest's from its ESM build: same plugins.
      plugins: armor.plugins as unknown as NonNullable<ApolloDriverConfig['plugins']>,
      validationRules: armor.validationRules,
      allowBatchedHttpRequests: false,
      path: '/graphql',
      // Built in memory from the code; scripts/print-schema.ts writes the committed apps/api/schema.graphql.
      autoSchemaFile: true,
      sortSchema: true,
      introspection: this.config.graphql.introspection,
      graphiql: this.config.nodeEnv === 'development',
      hideSchemaDetailsFromClientErrors: hideSchemaDetails,
      includeStacktraceInErrorResponses: false,
      // Our exception filter maps errors; Nest's HttpException translation would bypass it.
      autoTransformHttpErrors: false,
      // Errors thrown by field resolvers go through the same exception filter as operations.
      fieldResolverEnhancers: ['filters'],
      formatError: (formatted) => formatGraphQLError(formatted, { hideSchemaDetails, domainCodes }),
      subscriptions: {
        'graphql-ws': {
          path: '/graphql',
          onConnect: () => true,
        },
      },
      // Apollo's Fastify integration calls it with (request, reply); graphql-ws with its connection context.
      context: (
        input: FastifyRequest | WebSocketContext<Record<string, unknown> | undefined, { request?: IncomingMessage }>,
        reply?: FastifyReply,
      ): GraphQLContext => {
        // The caller is whoever the access token names; it is verified when first needed (see withLazyActor).
        if ('raw' in input) {
          const fields = { req: input, res: reply, clientIp: input.ip, language: preferredLanguage(input.headers['accept-language']) };
          return withLazyActor(fields, presentedToken(input.headers.authorization), this.accessTokens);
        }
        // graphql-ws: the upgrade request's headers, then connection parameters, may carry the language.
        const params = input.connectionParams ?? {};
        const header = typeof params['acceptLanguage'] === 'string' ? params['acceptLanguage'] : input.extra.request?.headers['accept-language'];
        const fields = { connectionParams: params, clientIp: input.extra.request?.socket.remoteAddress, language: preferredLanguage(header) };
        return withLazyActor(fields, presentedToken(params['authorization']), this.accessTokens);
      },
    };
  }
}
