import { EmailVerificationTokenEntity } from './accounts/email-verification-token.entity';
import { RefreshTokenEntity } from './accounts/refresh-token.entity';
import { UserEntity } from './accounts/user.entity';
import { OutboxJobEntity } from './outbox/outbox-job.entity';
import { InvitationEntity } from './organizations/invitation.entity';
import { MembershipEntity } from './organizations/membership.entity';
import { OrganizationEntity } from './organizations/organization.entity';
import { RecipientProfileEntity } from './organizations/recipient-profile.entity';
import { SiteEntity } from './organizations/site.entity';
import { ClaimLineEntity } from './offers/claim-line.entity';
import { ClaimEntity } from './offers/claim.entity';
import { OfferItemEntity } from './offers/offer-item.entity';
import { OfferEntity } from './offers/offer.entity';

/** An @Entity class (TypeORM's own type is the too-wide `Function`). */
type EntityClass = new (...args: never[]) => object;

/** Every TypeORM entity. Listed explicitly: the app, the CLI and the tests see the same model. */
export const ENTITIES: EntityClass[] = [
  OutboxJobEntity,
  UserEntity,
  RefreshTokenEntity,
  EmailVerificationTokenEntity,
  OrganizationEntity,
  MembershipEntity,
  InvitationEntity,
  SiteEntity,
  RecipientProfileEntity,
  OfferEntity,
  OfferItemEntity,
  ClaimEntity,
  ClaimLineEntity,
];
