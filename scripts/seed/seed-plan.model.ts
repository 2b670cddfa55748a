import type { ClosurePeriodInput, MemberRole, OfferItemInput, OpeningDayInput, OrganizationKind, RecipientProfileInput, VehicleSpecInput } from '#domain';

export const DonorType = {
  SUPERMARKET: 'SUPERMARKET',
  BAKERY: 'BAKERY',
  CATERER: 'CATERER',
  WHOLESALER: 'WHOLESALER',
  PRODUCER: 'PRODUCER',
  COLLECTIVE_CATERING: 'COLLECTIVE_CATERING',
} as const;
export type DonorType = (typeof DonorType)[keyof typeof DonorType];

export const RecipientType = {
  FOOD_BANK: 'FOOD_BANK',
  CCAS: 'CCAS',
  EPICERIE_SOLIDAIRE: 'EPICERIE_SOLIDAIRE',
  MEAL_SERVICE: 'MEAL_SERVICE',
  ASSOCIATION: 'ASSOCIATION',
} as const;
export type RecipientType = (typeof RecipientType)[keyof typeof RecipientType];

export interface PlannedSite {
  readonly name: string;
  readonly address: string;
  /** INSEE code of the real town the site stands in. */
  readonly townCode: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly openingHours: readonly OpeningDayInput[];
  readonly closures: readonly ClosurePeriodInput[];
  readonly accessInstructions: string | null;
}

/** The person who creates the organisation and becomes its first ADMIN. */
export interface PlannedPerson {
  readonly email: string;
  readonly displayName: string;
}

/** Someone an admin adds by email; without an account yet, that is an invitation. */
export interface PlannedInvitation {
  readonly email: string;
  readonly role: MemberRole;
}

interface PlannedOrganizationBase {
  readonly name: string;
  readonly legalId: string;
  readonly creator: PlannedPerson;
  readonly sites: readonly PlannedSite[];
  readonly invitations: readonly PlannedInvitation[];
}

export interface PlannedDonor extends PlannedOrganizationBase {
  readonly kind: typeof OrganizationKind.DONOR;
  readonly type: DonorType;
}

export interface PlannedRecipient extends PlannedOrganizationBase {
  readonly kind: typeof OrganizationKind.RECIPIENT;
  readonly type: RecipientType;
  readonly habilitationReference: string | null;
  /** Whether a platform admin has checked its habilitation (only verified recipients may claim). */
  readonly verified: boolean;
  readonly profile: RecipientProfileInput;
}

export type PlannedOrganization = PlannedDonor | PlannedRecipient;

/** An item whose dates are counted in days from the seed day, so the offers make sense whenever the demo is seeded. */
export interface PlannedItem extends Omit<OfferItemInput, 'date'> {
  readonly dateInDays?: number;
}

export interface PlannedOffer {
  readonly organizationIndex: number;
  readonly siteIndex: number;
  readonly title: string;
  readonly items: readonly PlannedItem[];
  /** Published offers are broadcast to matching recipients; the others stay drafts for the donor to finish. */
  readonly publish: boolean;
}

/** What a demo login is for, shown in the table printed at the end. */
export interface DemoLogin {
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  /** Name of the organisation it belongs to, if any. */
  readonly organization: string | null;
}

/** A demo person's membership other than as creator (staff, driver), added by the organisation's admin. */
export interface PlannedDemoMember {
  readonly person: PlannedPerson;
  /** Index in SeedPlan.organizations. */
  readonly organizationIndex: number;
  readonly role: MemberRole;
}

/** A recipient's vehicles and the weekly hours its demo drivers declared. */
export interface PlannedFleet {
  /** Index in SeedPlan.organizations (a recipient). */
  readonly organizationIndex: number;
  readonly vehicles: readonly VehicleSpecInput[];
  /** Drivers among the demo members, by email, with their Paris wall-clock hours. */
  readonly drivers: ReadonlyArray<{ readonly email: string; readonly weekly: readonly OpeningDayInput[] }>;
}

export interface SeedPlan {
  readonly departement: { readonly code: string; readonly name: string };
  readonly platformAdmin: PlannedPerson;
  /** Creators that are demo logins (they get the demo password); every other creator cannot sign in. */
  readonly demoCreators: ReadonlySet<string>;
  readonly demoMembers: readonly PlannedDemoMember[];
  readonly organizations: readonly PlannedOrganization[];
  readonly logins: readonly DemoLogin[];
  readonly fleets: readonly PlannedFleet[];
  /** The demo driver who gets one of the demo épicerie's runs of the day. */
  readonly runsDriverEmail: string;
  /** Lots posted by donors once their sites exist. */
  readonly offers: readonly PlannedOffer[];
}
