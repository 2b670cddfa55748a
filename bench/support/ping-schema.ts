/** The baselines' schema: Glane's `ping` field, with the same type and description. */
export const PING_TYPE_DEFS = /* GraphQL */ `
  type Query {
    """
    Answers "pong": the cheapest way to check the GraphQL path end to end.
    """
    ping: String!
  }
`;

export const PING_RESOLVERS = { Query: { ping: (): string => 'pong' } };
