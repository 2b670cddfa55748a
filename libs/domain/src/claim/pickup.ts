import { TEMPERATURE_CLASSES, type TemperatureClass } from '../shared/temperature-class';
import type { TraceParty } from '../trace/domain-event';
import type { Claim } from './claim.aggregate';

/** A pickup always goes from one known site to another. */
export type SiteParty = TraceParty & { readonly siteId: string };

/**
 * A pickup to make for one confirmed claim: collect at the donor's site within the offer's window,
 * deliver to the recipient's site within its receiving hours, with the load per temperature class
 * (what vehicles and boxes runs will need). Runs are planned from these.
 */
export interface Pickup {
  readonly id: string;
  readonly claimId: string;
  readonly offerId: string;
  readonly from: SiteParty;
  readonly to: SiteParty;
  readonly collectFrom: Date;
  readonly collectUntil: Date;
  readonly deliverFrom: Date;
  readonly deliverUntil: Date;
  readonly kgByTemperature: Readonly<Record<TemperatureClass, number>>;
}

export interface PickupPlanInput {
  readonly id: string;
  readonly claim: Claim;
  /** The offer's pickup window. */
  readonly collectFrom: Date;
  readonly collectUntil: Date;
  /** The recipient site's first receiving interval that overlaps the offer's window. */
  readonly receiving: { readonly from: Date; readonly to: Date };
}

/**
 * Goods cannot arrive before they are collected: delivery starts at the later of the receiving
 * interval's start and the window's start.
 */
export function planPickup(input: PickupPlanInput): Pickup {
  const { claim } = input;
  const snapshot = claim.toSnapshot();
  const byClass = claim.kgByTemperature();
  if (snapshot.from.siteId === null || snapshot.to.siteId === null) throw new Error(`claim ${claim.id}: a pickup needs both sites`);
  const kgByTemperature = Object.fromEntries(TEMPERATURE_CLASSES.map((temperature) => [temperature, byClass.get(temperature) ?? 0])) as Record<
    TemperatureClass,
    number
  >;
  return {
    id: input.id,
    claimId: claim.id,
    offerId: claim.offerId,
    from: { organizationId: snapshot.from.organizationId, siteId: snapshot.from.siteId },
    to: { organizationId: snapshot.to.organizationId, siteId: snapshot.to.siteId },
    collectFrom: new Date(input.collectFrom.getTime()),
    collectUntil: new Date(input.collectUntil.getTime()),
    deliverFrom: new Date(Math.max(input.receiving.from.getTime(), input.collectFrom.getTime())),
    deliverUntil: new Date(input.receiving.to.getTime()),
    kgByTemperature,
  };
}
