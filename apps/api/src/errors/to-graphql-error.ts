import type { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { toErrorAnswer } from './error-answer';
import type { Language } from './error-messages';

/**
 * A failure as a GraphQL error: the answer of toErrorAnswer (the one mapping shared with REST), with
 * its code, field and params in extensions. GraphQL errors raised by the framework pass unchanged.
 */
export function toGraphQLError(error: unknown, language: Language, logger: Pick<Logger, 'error'>): GraphQLError {
  if (error instanceof GraphQLError) return error;
  const { code, message, field, params } = toErrorAnswer(error, language, logger);
  return new GraphQLError(message, {
    extensions: { code, ...(field !== undefined ? { field } : {}), ...(params !== undefined ? { params } : {}) },
  });
}
