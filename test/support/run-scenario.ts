import { randomUUID } from 'node:crypto';
import { MemberRole } from '#domain';
import { registerDonor, type ApiDonor } from './factories/offers.factory';
import { insertRecipient } from './factories/matching.factory';
import { insertMembership } from './factories/people.factory';
import { gqlOk, registerUser, type TestUser } from './graphql-http';
import type { RunningApi } from './test-stack';
import type { DataSource } from 'typeorm';

const HOUR = 3_600_000;
const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id items { id } } }`;
const PUBLISH = `mutation ($id: ID!) { publishOffer(id: $id) { id } }`;
const CLAIM = `mutation ($input: ClaimOfferInput!) { claimOffer(input: $input) { id pickupDay totalKg } }`;

export const RUN_FIELDS = `id day status refrigerated capacityKg distanceKm plannedStart plannedEnd organization { id }
  driver { id displayName }
  stops { id sequence kind plannedArrival plannedDeparture windowStart windowEnd loadKg loadByTemperature { temperature kg } accessInstructions
    site { id name } claim { id status totalKg } events { kind at quantityKg temperatureC note } }`;

export interface RunStopView {
  id: string;
  sequence: number;
  kind: 'COLLECT' | 'DELIVER';
  plannedArrival: string;
  plannedDeparture: string;
  windowStart: string;
  windowEnd: string;
  loadKg: number;
  loadByTemperature: Array<{ temperature: string; kg: number }>;
  accessInstructions: string | null;
  site: { id: string; name: string };
  claim: { id: string; status: string; totalKg: number };
  events: Array<{ kind: string; at: string; quantityKg: number | null; temperatureC: number | null; note: string | null }>;
}

export interface RunViewOverApi {
  id: string;
  day: string;
  status: string;
  refrigerated: boolean;
  capacityKg: number;
  distanceKm: number;
  plannedStart: string;
  plannedEnd: string;
  organization: { id: string };
  driver: { id: string; displayName: string } | null;
  stops: RunStopView[];
}

export interface RunScenario {
  readonly recipient: { readonly organizationId: string; readonly siteId: string; readonly admin: TestUser };
  readonly donors: readonly ApiDonor[];
  /** The claims made (one per donor), with the Paris day their pickups fall on. */
  readonly claims: ReadonlyArray<{ readonly id: string; readonly donor: ApiDonor; readonly totalKg: number }>;
  readonly day: string;
}

/**
 * A recipient near the centre of Bordeaux (open all day), donors around it registered through the
 * API, one published offer each, claimed by the recipient's admin over GraphQL: confirmed claims
 * with their pickups, ready to plan.
 */
export async function claimedDay(
  api: RunningApi,
  dataSource: DataSource,
  donorSpecs: ReadonlyArray<{
    name: string;
    latitude: number;
    longitude: number;
    kg: number;
    temperature?: 'AMBIENT' | 'CHILLED' | 'FROZEN';
    /** Several items of the lot instead of one of `kg` (all of the spec's temperature). */
    items?: ReadonlyArray<{ kg: number; description: string; gtin?: string; lotNumber?: string }>;
  }>,
): Promise<RunScenario> {
  const site = await insertRecipient(dataSource, { latitude: 44.8378, longitude: -0.5792 }, { chilledKg: 500, frozenKg: 200, ambientKg: 5000 });
  const admin = await registerUser(api, undefined, 'Camille Coordinatrice');
  await insertMembership(dataSource, site.organizationId, admin.id, MemberRole.ADMIN);
  const donors: ApiDonor[] = [];
  const claims: Array<{ id: string; donor: ApiDonor; totalKg: number }> = [];
  let day = '';
  const now = Date.now();
  for (const spec of donorSpecs) {
    const donor = await registerDonor(api, { latitude: spec.latitude, longitude: spec.longitude }, spec.name);
    donors.push(donor);
    const category = spec.temperature === 'FROZEN' ? 'FOOD.FROZEN' : spec.temperature === 'CHILLED' ? 'FOOD.DAIRY' : 'FOOD.DRY';
    const { createOffer } = await gqlOk<{ createOffer: { id: string } }>(
      api,
      CREATE_OFFER,
      {
        input: {
          siteId: donor.siteId,
          title: `Invendus ${spec.name}`,
          items: (spec.items ?? [{ kg: spec.kg, description: 'Lot du jour' }]).map((item) => ({
            category,
            description: item.description,
            quantityKg: item.kg,
            temperature: spec.temperature ?? 'AMBIENT',
            dateKind: 'NONE',
            ...(item.gtin === undefined ? {} : { gtin: item.gtin }),
            ...(item.lotNumber === undefined ? {} : { lotNumber: item.lotNumber }),
          })),
          pickupFrom: new Date(now + HOUR).toISOString(),
          pickupUntil: new Date(now + 6 * HOUR).toISOString(),
        },
      },
      donor.admin.accessToken,
    );
    await gqlOk(api, PUBLISH, { id: createOffer.id }, donor.admin.accessToken);
    const { claimOffer } = await gqlOk<{ claimOffer: { id: string; pickupDay: string; totalKg: number } }>(
      api,
      CLAIM,
      { input: { offerId: createOffer.id, organizationId: site.organizationId, idempotencyKey: `scenario-${randomUUID()}` } },
      admin.accessToken,
    );
    claims.push({ id: claimOffer.id, donor, totalKg: claimOffer.totalKg });
    day = claimOffer.pickupDay;
  }
  return { recipient: { ...site, admin }, donors, claims, day };
}
