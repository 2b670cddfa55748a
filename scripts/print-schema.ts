import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { loadConfig } from '#config';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { AppModule } from '../apps/api/src/app.module';

/**
 * Prints the schema the API really serves (the app is built, not a separate resolver list), to
 * write the committed apps/api/schema.graphql or, with --check, to fail when it is stale.
 * Needs no database or Redis: the app starts without them.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const target = args.find((arg) => !arg.startsWith('--')) ?? 'apps/api/schema.graphql';
  const app = await NestFactory.create(AppModule.forRoot({ ...loadConfig(), logLevel: 'silent' }), new FastifyAdapter(), {
    logger: false,
    abortOnError: false,
  });
  await app.init();
  const schema = `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
  if (check) {
    const committed = readFileSync(target, 'utf8');
    if (committed !== schema) {
      process.stderr.write(`${target} is stale: run "npm run schema:generate" and commit the result.\n`);
      process.exit(1);
    }
    process.stdout.write(`${target} is up to date.\n`);
  } else {
    writeFileSync(target, schema);
    process.stdout.write(`wrote ${target}\n`);
  }
  // The services may be unreachable here; do not wait for their connections to wind down.
  process.exit(0);
}

void main();
