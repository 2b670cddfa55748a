import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { PING_RESOLVERS, PING_TYPE_DEFS } from './ping-schema';

/**
 * A second, informative baseline: the same bare Apollo Server 5 behind Express 5 and
 * @as-integrations/express5, the HTTP stack Glane runs on through @nestjs/platform-express, with
 * Express's defaults. Between it and the standalone server lies the cost of Express; between it
 * and Glane, the cost of Nest and of our own middleware. Its only input is the PORT variable.
 */
async function main(): Promise<void> {
  const port = Number(process.env['PORT']);
  if (!Number.isInteger(port) || port <= 0) throw new Error('PORT must be set to a port number');
  const server = new ApolloServer({ typeDefs: PING_TYPE_DEFS, resolvers: PING_RESOLVERS });
  await server.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(server));
  const http = app.listen(port, '127.0.0.1');
  const shutdown = (): void => {
    http.close();
    void server.stop().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
