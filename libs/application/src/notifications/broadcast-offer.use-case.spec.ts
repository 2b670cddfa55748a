import { OfferStatus } from '#domain';
import type { FindOfferMatches } from '../matching/find-offer-matches.use-case';
import type { OfferMatchResult } from '../matching/offer-match.model';
import type { OfferRepository } from '../offers/offer-repository.port';
import type { EventPayloads, EventTopic } from '../ports/event-payloads';
import { EventPublisher } from '../ports/event-publisher.port';
import { JobOutbox } from '../ports/job-outbox.port';
import type { JobName, JobPayloads } from '../ports/job-payloads';
import type { EnqueueOptions } from '../ports/job-scheduler.port';
import { UnitOfWork } from '../ports/unit-of-work.port';
import { BroadcastOffer } from './broadcast-offer.use-case';
import { OfferNotificationRepository, type NewOfferNotice, type OfferNotice } from './offer-notification-repository.port';

const OFFER = 'offer-1';

/** offer_notifications as a map keyed like its primary key. */
class MemoryNotices extends OfferNotificationRepository {
  readonly rows = new Map<string, OfferNotice>();
  async record(offerId: string, circle: number, notices: readonly NewOfferNotice[]): Promise<string[]> {
    const inserted: string[] = [];
    for (const notice of notices) {
      const key = `${offerId}/${notice.recipientOrganizationId}`;
      if (this.rows.has(key)) continue;
      this.rows.set(key, { ...notice, offerId, circle, notifiedAt: new Date(), emailSentAt: null });
      inserted.push(notice.recipientOrganizationId);
    }
    return inserted;
  }
  async notifiedRecipientIds(offerId: string): Promise<ReadonlySet<string>> {
    return new Set([...this.rows.values()].filter((row) => row.offerId === offerId).map((row) => row.recipientOrganizationId));
  }
  async find(offerId: string, recipientOrganizationId: string): Promise<OfferNotice | undefined> {
    return this.rows.get(`${offerId}/${recipientOrganizationId}`);
  }
  async markEmailSent(): Promise<boolean> {
    return true;
  }
}

class MemoryOutbox extends JobOutbox {
  readonly jobs: { name: JobName; payload: unknown; options: EnqueueOptions }[] = [];
  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    this.jobs.push({ name, payload, options });
  }
}

class MemoryEvents extends EventPublisher {
  readonly published: { topic: EventTopic; payload: unknown }[] = [];
  async publish<T extends EventTopic>(topic: T, payload: EventPayloads[T]): Promise<void> {
    this.published.push({ topic, payload });
  }
}

class ImmediateUnitOfWork extends UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
}

const match = (index: number): OfferMatchResult => ({
  offerId: OFFER,
  recipientOrganizationId: `recipient-${String(index).padStart(2, '0')}`,
  siteId: `site-${index}`,
  distanceKm: index,
  score: 1 - index / 100,
  rank: index,
  reasons: [{ code: 'WITHIN_RADIUS', verdict: 'PASS', fr: `à ${index} km`, en: `${index} km away`, params: {} }],
  eligibleItems: [],
  absorbableKg: 10,
  fit: 'PART_OF_LOT',
});

function setUp(eligible: number, status: OfferStatus = OfferStatus.PUBLISHED) {
  const state = { status, ranked: Array.from({ length: eligible }, (_, i) => match(i + 1)) };
  const offers = { findById: async () => ({ offer: { status: state.status } }) } as unknown as OfferRepository;
  const matches = { rankedMatches: async () => state.ranked } as unknown as FindOfferMatches;
  const notices = new MemoryNotices();
  const outbox = new MemoryOutbox();
  const events = new MemoryEvents();
  const broadcast = new BroadcastOffer(offers, matches, notices, new ImmediateUnitOfWork(), outbox, events, {
    circleSize: 3,
    circleWaitMs: 60000,
    publicUrl: 'http://localhost',
  });
  return { state, notices, outbox, events, broadcast };
}

const told = (notices: readonly { recipientOrganizationId: string }[]) => notices.map((notice) => notice.recipientOrganizationId);

describe('the broadcast cascade', () => {
  it('tells the best few first, each with an e-mail job and a live event, and schedules the next circle after the wait', async () => {
    const { broadcast, outbox, events } = setUp(8);
    const notices = await broadcast.execute({ offerId: OFFER, circle: 1 });
    expect(told(notices)).toEqual(['recipient-01', 'recipient-02', 'recipient-03']);
    expect(notices[0]).toMatchObject({
      siteId: 'site-1',
      distanceKm: 1,
      rank: 1,
      circle: 1,
      reasons: [{ code: 'WITHIN_RADIUS', fr: 'à 1 km', en: '1 km away' }],
    });
    expect(outbox.jobs.filter((job) => job.name === 'notifications.offer-email').map((job) => job.options.jobId)).toEqual([
      'offer-email-offer-1-recipient-01',
      'offer-email-offer-1-recipient-02',
      'offer-email-offer-1-recipient-03',
    ]);
    expect(outbox.jobs.filter((job) => job.name === 'offers.broadcast')).toEqual([
      { name: 'offers.broadcast', payload: { offerId: OFFER, circle: 2 }, options: { jobId: 'broadcast-offer-1-2', delayMs: 60000 } },
    ]);
    expect(events.published.map((event) => event.topic)).toEqual(['offers.matched', 'offers.matched', 'offers.matched']);
  });

  it('tells the next few in circle 2, then everyone left in circle 3, and stops there', async () => {
    const { broadcast, outbox } = setUp(8);
    await broadcast.execute({ offerId: OFFER, circle: 1 });
    expect(told(await broadcast.execute({ offerId: OFFER, circle: 2 }))).toEqual(['recipient-04', 'recipient-05', 'recipient-06']);
    expect(told(await broadcast.execute({ offerId: OFFER, circle: 3 }))).toEqual(['recipient-07', 'recipient-08']);
    expect(outbox.jobs.filter((job) => job.name === 'offers.broadcast').map((job) => job.options.jobId)).toEqual([
      'broadcast-offer-1-2',
      'broadcast-offer-1-3',
    ]);
  });

  it('never tells anyone twice when a circle runs again', async () => {
    const { broadcast, outbox, events } = setUp(8);
    await broadcast.execute({ offerId: OFFER, circle: 1 });
    const emailsBefore = outbox.jobs.filter((job) => job.name === 'notifications.offer-email').length;
    // The first three were told: the last circle tells only the five left, and a rerun nobody.
    const rerun = await broadcast.execute({ offerId: OFFER, circle: 3 });
    const again = await broadcast.execute({ offerId: OFFER, circle: 3 });
    expect(told(rerun)).toHaveLength(5);
    expect(again).toEqual([]);
    expect(outbox.jobs.filter((job) => job.name === 'notifications.offer-email')).toHaveLength(emailsBefore + 5);
    expect(events.published).toHaveLength(8);
  });

  it('does nothing once the offer is claimed in part before circle 2, but circle 1 still runs on a partly claimed offer', async () => {
    const { broadcast, state, outbox } = setUp(8, OfferStatus.PARTIALLY_CLAIMED);
    expect(await broadcast.execute({ offerId: OFFER, circle: 1 })).toHaveLength(3);
    expect(await broadcast.execute({ offerId: OFFER, circle: 2 })).toEqual([]);
    state.status = OfferStatus.WITHDRAWN;
    expect(await broadcast.execute({ offerId: OFFER, circle: 1 })).toEqual([]);
    expect(outbox.jobs.filter((job) => job.name === 'offers.broadcast')).toHaveLength(1);
  });

  it('tells nobody of an offer whose goods were collected, in any circle', async () => {
    const { broadcast, outbox } = setUp(8, OfferStatus.COLLECTED);
    for (const circle of [1, 2, 3]) expect(await broadcast.execute({ offerId: OFFER, circle })).toEqual([]);
    expect(outbox.jobs).toEqual([]);
  });
});
