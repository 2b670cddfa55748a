import type { Pickup } from '#domain';

export abstract class PickupRepository {
  /** In the claim's transaction, with the outbox job that plans it. */
  abstract add(pickup: Pickup): Promise<void>;
  /** The pickup of a cancelled claim will not be made. */
  abstract cancelForClaim(claimId: string, at: Date): Promise<void>;
  /** Recorded as handed to planning; false when it is unknown or no longer pending. */
  abstract markQueued(pickupId: string, at: Date): Promise<boolean>;
  abstract findById(pickupId: string): Promise<(Pickup & { readonly status: PickupStatus }) | undefined>;
}

export type PickupStatus = 'PENDING' | 'QUEUED' | 'CANCELLED';
