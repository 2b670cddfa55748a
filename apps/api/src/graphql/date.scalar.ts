import { isCalendarDay } from '#domain';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function invalid(value: unknown): GraphQLError {
  // No code of our own: Apollo reports a variable that fails coercion as BAD_USER_INPUT, and the
  // error formatter then names the field from graphql-js's path ('items[0].date'), like every other
  // malformed input (an unknown enum value, a string for an Int).
  return new GraphQLError(`Invalid date: expected a day as YYYY-MM-DD, got ${JSON.stringify(value)}.`);
}

function parseDay(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDay(value)) throw invalid(value);
  return value;
}

/**
 * `Date` of the contract: a calendar day, strictly 'YYYY-MM-DD' (no time, no offset, a real day:
 * '2026-02-30' is refused), read in Europe/Paris. Inside the app it stays that string (CalendarDay).
 * Referenced explicitly (`@Field(() => DateScalar)`): TypeScript's Date keeps mapping to DateTime.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, YYYY-MM-DD (Europe/Paris).',
  serialize: (value: unknown) => parseDay(value),
  parseValue: (value: unknown) => parseDay(value),
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw invalid(ast.kind);
    return parseDay(ast.value);
  },
});
