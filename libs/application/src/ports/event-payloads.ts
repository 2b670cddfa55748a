/**
 * Events published to live subscribers (GraphQL subscriptions), across every API instance. Each
 * topic names the payload it carries; resolvers filter them per subscriber.
 */
export interface EventPayloads {
  'system.heartbeat': { requestId: string; requestedAt: string; processedAt: string; processedBy: string };
}

export type EventTopic = keyof EventPayloads;
