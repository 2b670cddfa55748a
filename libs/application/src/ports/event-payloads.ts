import type { OfferMatchNotice } from './job-payloads';

/**
 * Events published to live subscribers (GraphQL subscriptions), across every API instance. Each
 * topic names the payload it carries; resolvers filter them per subscriber.
 */
export interface EventPayloads {
  'system.heartbeat': { requestId: string; requestedAt: string; processedAt: string; processedBy: string };
  /** A recipient was just told of an offer by the broadcast cascade (offerMatched subscription). */
  'offers.matched': OfferMatchNotice;
  /** An offer's status or claims changed (after commit); subscribers reload it. */
  'offers.changed': { offerId: string };
  /** A run's assignment, route or stops changed (after commit); runUpdated subscribers reload it. */
  'runs.changed': { runId: string };
  /**
   * A run given back close to its start (after commit): the drivers of its organisation named here
   * (available for all of it, free then, not the one who gave it back) may take it (openRunOffered).
   */
  'runs.open-offered': { runId: string; organizationId: string; driverUserIds: string[] };
}

export type EventTopic = keyof EventPayloads;
