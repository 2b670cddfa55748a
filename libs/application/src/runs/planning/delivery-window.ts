import { addCalendarDays, endOfParisDayExclusive, openIntervalsBetween, parisDayOf, startOfParisDay } from '#domain';
import type { PlannablePickup } from '../run-planning.model';

/**
 * When a run may deliver a pickup (docs/domain-rules.md, Pickup runs): within the whole receiving
 * interval of the recipient's site that the claim's delivery falls in, and not before the goods can
 * have been collected. The claim recorded that interval cut to the offer's window; a run that
 * collects within the window may still bring the goods in while the site receives. Pickups of one
 * site and interval then share one depot window, so one run can carry several of them. If the site's
 * hours changed since the claim and no interval holds its delivery any more, the claim's own window stands.
 */
export function withDeliveryWindow(pickup: PlannablePickup): PlannablePickup {
  const around = new Date(pickup.deliverFrom.getTime());
  // Read over fixed bounds (the delivery's Paris day and the next, for hours running past midnight),
  // so that a site open round the clock gives every delivery of a day the same interval.
  const day = parisDayOf(around);
  const intervals = openIntervalsBetween(
    pickup.recipient.openingHours,
    pickup.recipient.closures,
    startOfParisDay(day),
    endOfParisDayExclusive(addCalendarDays(day, 1)),
  );
  const interval = intervals.find((candidate) => candidate.start <= around && around < candidate.end);
  if (interval === undefined || interval.end < pickup.deliverUntil) return pickup;
  return {
    ...pickup,
    deliverFrom: new Date(Math.max(interval.start.getTime(), pickup.collectFrom.getTime())),
    deliverUntil: new Date(interval.end.getTime()),
  };
}
