import type { EventPayloads, EventTopic } from './event-payloads';

/** Publishes live events to subscribers on every API instance (Redis pub/sub behind it). */
export abstract class EventPublisher {
  abstract publish<T extends EventTopic>(topic: T, payload: EventPayloads[T]): Promise<void>;
}
