import { isCalendarDay } from '#domain';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

function invalid(value: unknown): GraphQLError {
  // INVALID_DATE is the domain's code for the same mistake, so clients handle one code for both.
  return new GraphQLError(`Invalid date: expected a day as YYYY-MM-DD, got ${JSON.stringify(value)}.`, { extensions: { code: 'INVALID_DATE' } });
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
