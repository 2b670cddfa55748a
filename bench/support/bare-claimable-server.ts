import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { decodeClaimableOfferCursor, pageClaimableOffers, reasonsToTell } from '#application';
import { readClaimableOffers, TimetableCache, type SqlClient } from '#persistence';
import { Pool } from 'pg';
import { PING_RESOLVERS, PING_TYPE_DEFS } from './ping-schema';

/**
 * The database-bound baseline of bench/api-baseline.bench.ts: a bare Apollo Server 5 (standalone
 * HTTP server) answering `claimableOffers` with exactly Glane's SQL, mapping and ranking
 * (readClaimableOffers on a client of a bare `pg` pool of Glane's size, its snapshot paged by
 * pageClaimableOffers, the same reasons in French), and `ping`. What it leaves out is what Glane
 * adds around the same work: Nest, Fastify's routing and hooks, the access token and membership
 * check, TypeORM, the request log. Inputs: PORT and DATABASE_URL.
 */
const TYPE_DEFS = /* GraphQL */ `
  ${PING_TYPE_DEFS}
  extend type Query {
    claimableOffers(organizationId: ID!, first: Int, after: String): OfferMatchConnection!
  }
  type OfferMatch {
    score: Float!
    rank: Int!
    distanceKm: Float!
    absorbableKg: Float!
    reasons: [String!]!
  }
  type OfferMatchEdge {
    cursor: String!
    node: OfferMatch!
  }
  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }
  type OfferMatchConnection {
    edges: [OfferMatchEdge!]!
    pageInfo: PageInfo!
  }
`;

async function main(): Promise<void> {
  const port = Number(process.env['PORT']);
  if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set to a port number');
  const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 20 });
  const timetables = new TimetableCache();
  const resolvers = {
    Query: {
      ...PING_RESOLVERS.Query,
      claimableOffers: async (_: unknown, args: { organizationId: string; first?: number | null; after?: string | null }) => {
        const now = new Date();
        const after = args.after === undefined || args.after === null ? undefined : decodeClaimableOfferCursor(args.after);
        const client = await pool.connect();
        const page = await readClaimableOffers(client as unknown as SqlClient, timetables, args.organizationId, now, (snapshot) =>
          pageClaimableOffers(snapshot, now, args.first ?? 20, after),
        ).finally(() => client.release());
        if (page === undefined) throw new Error('not a recipient with a profile');
        return {
          pageInfo: page.pageInfo,
          edges: page.edges.map(({ cursor, node }) => ({
            cursor,
            node: {
              score: node.score,
              rank: node.rank,
              distanceKm: Math.round(node.distanceKm * 1000) / 1000,
              absorbableKg: node.absorbableKg,
              reasons: reasonsToTell(node.reasons).map((reason) => reason.fr),
            },
          })),
        };
      },
    },
  };
  const server = new ApolloServer({ typeDefs: TYPE_DEFS, resolvers });
  await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  const shutdown = (): void => {
    void server
      .stop()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
