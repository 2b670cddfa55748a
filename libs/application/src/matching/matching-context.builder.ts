import { openIntervalsBetween, parisDayOf, isClosedOn, type CalendarDay, type ClosurePeriod, type OpeningHours } from '#domain';
import type { MatchCandidate, MatchableOffer, TimeInterval } from '#matching';
import type { MatchingOffer, MatchingRecipient, MatchingSite } from './match-candidate-finder.port';

export function toMatchableOffer(offer: MatchingOffer): MatchableOffer {
  return { id: offer.id, pickupFrom: offer.pickupFrom, pickupUntil: offer.pickupUntil, items: offer.items };
}

export interface ReceivingWindow {
  readonly intervals: readonly TimeInterval[];
  /** The Paris day the goods would arrive: the first day the site receives within the window. */
  readonly pickupDay: CalendarDay;
  readonly closedOnPickupDay: boolean;
}

/**
 * Resolves a site's receiving hours over one pickup window. Opening hours and closures come from
 * the finder's parse cache, so sites with the same hours share the same objects and the calendar
 * work (Paris wall-clock, daylight saving) is done once per distinct timetable, not once per site.
 */
export class ReceivingWindowResolver {
  private readonly cache = new Map<OpeningHours, Map<readonly ClosurePeriod[], ReceivingWindow>>();

  constructor(
    private readonly pickupFrom: Date,
    private readonly pickupUntil: Date,
  ) {}

  resolve(site: Pick<MatchingSite, 'openingHours' | 'closures'>): ReceivingWindow {
    let byClosures = this.cache.get(site.openingHours);
    if (byClosures === undefined) {
      byClosures = new Map();
      this.cache.set(site.openingHours, byClosures);
    }
    const known = byClosures.get(site.closures);
    if (known !== undefined) return known;
    const open = openIntervalsBetween(site.openingHours, site.closures, this.pickupFrom, this.pickupUntil);
    const first = open[0];
    // Without receiving hours in the window the first day of the window stands for the pickup day,
    // so that a closure that day is reported as such.
    const pickupDay = first === undefined ? parisDayOf(this.pickupFrom) : parisDayOf(first.start);
    const window: ReceivingWindow = {
      intervals: open.map((interval) => ({ from: interval.start, to: interval.end })),
      pickupDay,
      closedOnPickupDay: isClosedOn(site.closures, pickupDay),
    };
    byClosures.set(site.closures, window);
    return window;
  }
}

/** The engine's id for one recipient site: a recipient with two sites near an offer is two candidates. */
export function candidateKey(organizationId: string, siteId: string): string {
  return `${organizationId}/${siteId}`;
}

/** Turns the facts loaded for one (offer, recipient site) pair into the engine's input. */
export function toMatchCandidate(recipient: MatchingRecipient, site: MatchingSite, distanceKm: number, window: ReceivingWindow, now: Date): MatchCandidate {
  return {
    recipient: {
      id: candidateKey(recipient.organizationId, site.id),
      verified: recipient.verified,
      acceptedCategoryCodes: recipient.acceptedCategoryCodes,
      serviceRadiusKm: recipient.serviceRadiusKm,
      dailyCapacityKg: recipient.dailyCapacityKg,
      dlcMarginHours: recipient.dlcMarginHours,
    },
    context: {
      now,
      distanceKm,
      claimedKgOnPickupDay: recipient.claimedKgByDay.get(window.pickupDay) ?? {},
      receivingIntervals: window.intervals,
      closedOnPickupDay: window.closedOnPickupDay,
    },
    history: {
      kgReceivedLast28Days: recipient.kgReceivedLast28Days,
      peopleServedPerWeek: recipient.peopleServedPerWeek,
    },
  };
}
