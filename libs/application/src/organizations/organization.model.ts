import type { ClosurePeriod, GeoPoint, LegalId, MemberRole, NormalizedEmail, OpeningHours, OrganizationKind } from '#domain';

/** A donor business or a recipient association, as the use cases see it. */
export interface Organization {
  readonly id: string;
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly legalId: LegalId;
  /** The recipient's food-aid habilitation (national, regional or CCAS), as it declared it. */
  readonly habilitationReference: string | null;
  /** Set once a platform admin has checked the habilitation (docs/domain-rules.md, Habilitation). */
  readonly verifiedAt: Date | null;
  readonly verifiedBy: string | null;
  readonly createdAt: Date;
}

export interface NewOrganization {
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly legalId: LegalId;
  readonly habilitationReference: string | null;
}

/** A place goods are collected from (donor) or delivered to (recipient). */
export interface Site {
  readonly id: string;
  readonly organizationId: string;
  readonly name: string;
  readonly address: string;
  readonly location: GeoPoint;
  /** Receiving (or collection) hours, Paris wall-clock time. */
  readonly openingHours: OpeningHours;
  readonly closures: readonly ClosurePeriod[];
  /** For drivers: door code, loading bay, who to ask. Private to the organisation and its runs. */
  readonly accessInstructions: string | null;
  readonly createdAt: Date;
}

export type NewSite = Omit<Site, 'id' | 'createdAt'>;

export interface Membership {
  readonly organizationId: string;
  readonly userId: string;
  readonly role: MemberRole;
  readonly createdAt: Date;
}

/** An admin added someone by email who had no verified account yet; accepted when the address is verified. */
export interface Invitation {
  readonly id: string;
  readonly organizationId: string;
  readonly email: NormalizedEmail;
  readonly role: MemberRole;
  readonly invitedBy: string;
  readonly createdAt: Date;
  readonly acceptedAt: Date | null;
}

/** A member as the organisation's own admins and staff see them. */
export interface OrganizationMember {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: MemberRole;
  readonly since: Date;
}
