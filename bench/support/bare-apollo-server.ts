import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { PING_RESOLVERS, PING_TYPE_DEFS } from './ping-schema';

/**
 * The baseline of bench/api-baseline.bench.ts: a bare Apollo Server 5 (its standalone HTTP server),
 * in its own process so that its RSS is its own, answering the same `ping` query with the same type
 * definition as Glane's schema. Its only input is the PORT variable the bench sets.
 */
async function main(): Promise<void> {
  const port = Number(process.env['PORT']);
  if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set to a port number');
  const server = new ApolloServer({ typeDefs: PING_TYPE_DEFS, resolvers: PING_RESOLVERS });
  await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  const shutdown = (): void => {
    void server.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
