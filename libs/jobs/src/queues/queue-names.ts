/** One queue per kind of latency: slow work never delays fast work behind it. */
export const QUEUE_NAMES = ['system', 'offers', 'notifications'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];
