import { Authorizer, CancelClaim, ClaimOffer, type Clock } from '#application';
import { MemberRole } from '#domain';
import {
  SqlDomainEventWriter,
  SqlMatchCandidateFinder,
  TypeOrmClaimRepository,
  TypeOrmMembershipRepository,
  TypeOrmOfferRepository,
  TypeOrmOrganizationRepository,
  TypeOrmPickupRepository,
  TypeOrmUnitOfWork,
  TypeOrmJobOutbox,
} from '#persistence';
import type { DataSource } from 'typeorm';
import { insertOffer, insertOrganization, insertRecipient, insertSite, type ItemSpec, type ProfileSpec } from './matching.factory';
import { insertMember } from './people.factory';

/** The claim use cases wired to the real repositories, as the API wires them. */
export function claimUseCases(ds: DataSource, clock: Clock): { claimOffer: ClaimOffer; cancelClaim: CancelClaim; claims: TypeOrmClaimRepository } {
  const events = new SqlDomainEventWriter(ds);
  const offers = new TypeOrmOfferRepository(ds, events);
  const claims = new TypeOrmClaimRepository(ds, events);
  const pickups = new TypeOrmPickupRepository(ds);
  const authorizer = new Authorizer(new TypeOrmMembershipRepository(ds));
  const unitOfWork = new TypeOrmUnitOfWork(ds);
  return {
    claims,
    claimOffer: new ClaimOffer(
      authorizer,
      new TypeOrmOrganizationRepository(ds),
      new SqlMatchCandidateFinder(ds),
      offers,
      claims,
      pickups,
      new TypeOrmJobOutbox(ds),
      unitOfWork,
      clock,
    ),
    cancelClaim: new CancelClaim(claims, offers, pickups, authorizer, unitOfWork, clock),
  };
}

export const LATITUDE = 45.0;
export const LONGITUDE = 1.0;

export interface ClaimDonor {
  readonly organizationId: string;
  readonly siteId: string;
  readonly userId: string;
}

export interface ClaimRecipient {
  readonly organizationId: string;
  readonly siteId: string;
  /** Its ADMIN. */
  readonly userId: string;
}

export async function insertClaimDonor(ds: DataSource): Promise<ClaimDonor> {
  const organizationId = await insertOrganization(ds, 'DONOR', { name: 'Hyper du Marché' });
  const siteId = await insertSite(ds, organizationId, { latitude: LATITUDE, longitude: LONGITUDE });
  const userId = await insertMember(ds, organizationId, MemberRole.STAFF, `donor.${organizationId.slice(0, 8)}@shop.example`);
  return { organizationId, siteId, userId };
}

/** A recipient 2 km away, open every day, with an ADMIN. */
export async function insertClaimRecipient(ds: DataSource, profile: ProfileSpec = {}, options: { verified?: boolean } = {}): Promise<ClaimRecipient> {
  const { organizationId, siteId } = await insertRecipient(ds, { latitude: LATITUDE + 0.018, longitude: LONGITUDE }, profile, options);
  const userId = await insertMember(ds, organizationId, MemberRole.ADMIN, `asso.${organizationId.slice(0, 8)}@asso.example`);
  return { organizationId, siteId, userId };
}

export async function insertClaimableOffer(
  ds: DataSource,
  donor: ClaimDonor,
  window: { from: Date; until: Date },
  items: readonly ItemSpec[],
  status = 'PUBLISHED',
): Promise<{ offerId: string; itemIds: string[] }> {
  return insertOffer(ds, {
    donorOrganizationId: donor.organizationId,
    siteId: donor.siteId,
    latitude: LATITUDE,
    longitude: LONGITUDE,
    status,
    pickupFrom: window.from,
    pickupUntil: window.until,
    items,
  });
}
