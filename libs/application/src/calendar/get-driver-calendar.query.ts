import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import { hashOpaqueToken } from '../accounts/opaque-token';
import { Clock } from '../ports/clock.port';
import { RateLimiter } from '../ports/rate-limiter.port';
import { CalendarFeedRepository } from './calendar-feed-repository.port';
import { DriverCalendarSource, type CalendarEntry } from './driver-calendar-source.port';

const DAY_MS = 86_400_000;
/** Calendar apps keep what they fetched; a month back and three ahead is what a volunteer looks at. */
export const CALENDAR_DAYS_BACK = 31;
export const CALENDAR_DAYS_AHEAD = 92;
/** Our secrets are 43 characters; anything much longer is not one, and is not worth hashing. */
const MAX_TOKEN_LENGTH = 128;

export interface DriverCalendar {
  readonly userId: string;
  readonly entries: readonly CalendarEntry[];
  readonly generatedAt: Date;
}

export interface GetDriverCalendarQuery {
  /** The secret from the feed URL. */
  readonly token: string;
  /** Who asks (the HTTP client's address): requests are counted per address, guessed secrets included. */
  readonly clientAddress: string | undefined;
}

/** Resolves a calendar-feed secret to its driver and their entries. Unknown and revoked secrets are alike: NOT_FOUND. */
@Injectable()
export class GetDriverCalendar {
  constructor(
    private readonly feeds: CalendarFeedRepository,
    private readonly source: DriverCalendarSource,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
  ) {}

  async execute({ token, clientAddress }: GetDriverCalendarQuery): Promise<DriverCalendar> {
    if (clientAddress !== undefined) await this.limiter.consume('calendarFeed', clientAddress);
    const userId = token.length === 0 || token.length > MAX_TOKEN_LENGTH ? undefined : await this.feeds.userIdForTokenHash(hashOpaqueToken(token));
    if (userId === undefined) throw new DomainError('NOT_FOUND', 'token');
    const now = this.clock.now();
    const entries = await this.source.entriesFor(
      userId,
      new Date(now.getTime() - CALENDAR_DAYS_BACK * DAY_MS),
      new Date(now.getTime() + CALENDAR_DAYS_AHEAD * DAY_MS),
    );
    return { userId, entries, generatedAt: now };
  }
}
