import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import type { Actor } from '../auth/actor';
import { CalendarFeedRepository } from './calendar-feed-repository.port';

/** Stops the caller's calendar feed URL from working; true if there was one. */
@Injectable()
export class RevokeCalendarFeed {
  constructor(private readonly feeds: CalendarFeedRepository) {}

  async execute(actor: Actor | undefined): Promise<boolean> {
    if (actor === undefined) throw new DomainError('UNAUTHENTICATED');
    return this.feeds.revoke(actor.userId);
  }
}
