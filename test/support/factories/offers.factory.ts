import type { Site } from '#application';
import { DateKind, GeoPoint, MemberRole, OpeningHours, OrganizationKind, parseLegalId, RecipientProfile, TemperatureClass, type OfferItemInput } from '#domain';
import { TypeOrmMembershipRepository, TypeOrmOrganizationRepository, TypeOrmRecipientProfileRepository, TypeOrmSiteRepository } from '#persistence';
import type { DataSource } from 'typeorm';
import { gqlOk, registerUser, type TestUser } from '../graphql-http';
import { siretFor } from '../legal-ids';
import { insertUser } from './people.factory';
import { verifyAsPlatformAdmin } from './platform-admin.factory';
import type { RunningApi } from '../test-stack';

let sequence = 0;
const nextNumber = (): number => 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000_000) + (sequence++ % 1000);

/** A donor organisation with one member (the given role) and one site, inserted through the real repositories. */
export interface DonorFixture {
  readonly organizationId: string;
  readonly userId: string;
  readonly site: Site;
}

/** Verified by a platform admin (so it may publish) unless `verified: false`. */
export async function insertDonor(
  dataSource: DataSource,
  options: { role?: MemberRole; location?: { latitude: number; longitude: number }; kind?: OrganizationKind; verified?: boolean } = {},
): Promise<DonorFixture> {
  const kind = options.kind ?? OrganizationKind.DONOR;
  const userId = await insertUser(dataSource, 'donor');
  const organizations = new TypeOrmOrganizationRepository(dataSource);
  const organization = await organizations.create({
    kind,
    name: 'Supermarché du Centre',
    legalId: parseLegalId(siretFor(nextNumber()), OrganizationKind.DONOR),
    habilitationReference: null,
  });
  if (options.verified !== false) await organizations.markVerified(organization.id, await insertUser(dataSource, 'platform-admin'), new Date());
  await new TypeOrmMembershipRepository(dataSource).add({ organizationId: organization.id, userId, role: options.role ?? MemberRole.STAFF });
  const location = options.location ?? { latitude: 48.8566, longitude: 2.3522 };
  const site = await new TypeOrmSiteRepository(dataSource).add({
    organizationId: organization.id,
    name: 'Magasin',
    address: '1 rue de Rivoli, 75001 Paris',
    location: GeoPoint.of(location.latitude, location.longitude),
    openingHours: OpeningHours.parse([]),
    closures: [],
    accessInstructions: null,
  });
  return { organizationId: organization.id, userId, site };
}

/** A recipient with a profile declaring this DLC margin (under 48 h needs `redistributesFaster`). */
export async function insertRecipientProfile(dataSource: DataSource, dlcMarginHours: number): Promise<string> {
  const organization = await new TypeOrmOrganizationRepository(dataSource).create({
    kind: OrganizationKind.RECIPIENT,
    name: 'Épicerie solidaire',
    legalId: parseLegalId(siretFor(nextNumber()), OrganizationKind.RECIPIENT),
    habilitationReference: null,
  });
  const profile = RecipientProfile.parse({
    acceptedCategories: ['FOOD'],
    capacities: [{ temperature: TemperatureClass.AMBIENT, kg: 100 }],
    serviceRadiusKm: 20,
    dlcMarginHours,
    redistributesFaster: dlcMarginHours < 48,
  });
  await new TypeOrmRecipientProfileRepository(dataSource).save(organization.id, profile, new Date());
  return organization.id;
}

/** A plain ambient item without a date; override what a test is about. */
export function anItem(overrides: Partial<OfferItemInput> = {}): OfferItemInput {
  return {
    category: 'FOOD',
    description: 'Pâtes sèches, 500 g',
    quantityKg: 12.5,
    temperature: TemperatureClass.AMBIENT,
    dateKind: DateKind.NONE,
    ...overrides,
  };
}

export const HOUR_MS = 3_600_000;

// ——— Over GraphQL, as a client app does (e2e) ———

const CREATE_ORGANIZATION = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const ADD_SITE = `mutation ($input: AddSiteInput!) { addSite(input: $input) { id } }`;

export interface ApiDonor {
  readonly admin: TestUser;
  readonly organizationId: string;
  readonly siteId: string;
}

/**
 * Registers a person, who creates a donor organisation (becoming its ADMIN) and adds a site; the
 * platform admin then verifies the donor (so it may publish) unless `verified: false`.
 */
export async function registerDonor(
  api: RunningApi,
  location = { latitude: 48.8566, longitude: 2.3522 },
  name = 'Supermarché du Centre',
  options: { verified?: boolean } = {},
): Promise<ApiDonor> {
  const admin = await registerUser(api, undefined, 'Claire Martin');
  const { createOrganization } = await gqlOk<{ createOrganization: { id: string } }>(
    api,
    CREATE_ORGANIZATION,
    { input: { name, kind: 'DONOR', legalId: siretFor(nextNumber()) } },
    admin.accessToken,
  );
  const { addSite } = await gqlOk<{ addSite: { id: string } }>(
    api,
    ADD_SITE,
    { input: { organizationId: createOrganization.id, name: 'Magasin', address: '1 rue de Rivoli, 75001 Paris', location } },
    admin.accessToken,
  );
  if (options.verified !== false) await verifyAsPlatformAdmin(api, createOrganization.id);
  return { admin, organizationId: createOrganization.id, siteId: addSite.id };
}

/** A CreateOfferInput item as JSON (GraphQL variables). */
export function itemInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { category: 'FOOD.DRY.PASTA_RICE', description: 'Pâtes sèches, 500 g', quantityKg: 12.5, temperature: 'AMBIENT', dateKind: 'NONE', ...overrides };
}
