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
import { presentedToken, withActor, withLazyActor } from '../auth/access-token.context';
import { formatGraphQLError } from '../errors/format-graphql-error';
import { preferredLanguage } from '../errors/language';
import type { ClosableSocket } from '../live/live-connection';
import { LiveConnections } from '../live/live-connections.service';
import type { GraphQLContext } from './graphql-context';

const domainCodes: ReadonlySet<string> = new Set(DOMAIN_ERROR_CODES);

/** graphql-ws's connection context, as its `ws` adapter fills it (`extra` holds the socket and the upgrade request). */
type WebSocketConnection = WebSocketContext<Record<string, unknown> | undefined, { socket?: ClosableSocket; request?: IncomingMessage }>;

/** The same context as graphql-ws's hooks are typed to receive it. */
type HookContext = WebSocketContext<Record<string, unknown> | undefined, unknown>;

/**
 * The graphql-ws hooks the API uses. Nest's type for them picks only some of graphql-ws's server
 * options, but Nest hands every one given (onPing included) to graphql-ws's useServer.
 */
interface WebSocketHooks {
  readonly path: string;
  readonly onConnect: (ctx: HookContext) => boolean;
  readonly onPing: (ctx: HookContext, payload: unknown) => void;
  readonly onClose: (ctx: HookContext) => void;
}

function socketOf(extra: unknown): ClosableSocket | undefined {
  const socket = extra !== null && typeof extra === 'object' ? (extra as { socket?: unknown }).socket : undefined;
  return socket !== null && typeof socket === 'object' && typeof (socket as Partial<ClosableSocket>).close === 'function'
    ? (socket as ClosableSocket)
    : undefined;
}

@Injectable()
export class GraphQLOptionsFactory implements GqlOptionsFactory<ApolloDriverConfig> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accessTokens: AccessTokenVerifier,
    private readonly live: LiveConnections,
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
      subscriptions: { 'graphql-ws': this.webSocketHooks() },
      // Apollo's Fastify integration calls it with (request, reply); graphql-ws with its connection context.
      context: (input: FastifyRequest | WebSocketConnection, reply?: FastifyReply): GraphQLContext => {
        // The caller is whoever the access token names; it is verified when first needed (see withLazyActor).
        if ('raw' in input) {
          const fields = { req: input, res: reply, clientIp: input.ip, language: preferredLanguage(input.headers['accept-language']) };
          return withLazyActor(fields, presentedToken(input.headers.authorization), this.accessTokens);
        }
        // graphql-ws: the upgrade request's headers, then connection parameters, may carry the language.
        const params = input.connectionParams ?? {};
        const header = typeof params['acceptLanguage'] === 'string' ? params['acceptLanguage'] : input.extra.request?.headers['accept-language'];
        const fields = { connectionParams: params, clientIp: input.extra.request?.socket.remoteAddress, language: preferredLanguage(header) };
        // The connection's current actor, read at each event: a renewal or an expiry shows at once.
        const connection = this.live.of(input);
        if (connection !== undefined) return withActor(fields, () => connection.actor);
        return withLazyActor(fields, presentedToken(params['authorization']), this.accessTokens);
      },
    };
  }

  /**
   * Connections are accepted whatever their token (a refused one answers UNAUTHENTICATED on each
   * operation, as over HTTP); a signed-in one is closed when its token expires or its session is
   * revoked, unless a ping renews the token first (see LiveConnection and the README).
   */
  private webSocketHooks(): WebSocketHooks {
    return {
      path: '/graphql',
      onConnect: (ctx) => {
        const socket = socketOf(ctx.extra);
        if (socket !== undefined) this.live.open(ctx, socket, presentedToken(ctx.connectionParams?.['authorization']));
        return true;
      },
      onPing: (ctx, payload) => this.live.ping(ctx, payload),
      onClose: (ctx) => this.live.closed(ctx),
    };
  }
}
