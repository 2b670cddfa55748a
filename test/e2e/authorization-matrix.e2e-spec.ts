import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { EmailVerificationTokenRepository, hashOpaqueToken, newOpaqueToken } from '#application';
import { RedisEventBus } from '#jobs';
import { DatabaseConnector } from '#persistence';
import { getNamedType, isLeafType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { parisDayOf } from '#domain';
import { insertClaim } from '../support/factories/matching.factory';
import { insertOpenRun } from '../support/factories/runs.factory';
import { wsClient } from '../support/graphql-ws-client';
import {
  gql,
  gqlOk,
  registerPlatformAdmin,
  registerUnverifiedUser,
  registerUser,
  TEST_PASSWORD,
  uniqueEmail,
  type GraphQLErrorBody,
  type TestUser,
} from '../support/graphql-http';
import { siretFor } from '../support/legal-ids';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

/**
 * Every operation of the schema the API really serves, called by every kind of caller on real
 * objects: of the caller's own organisations, and of another organisation's. The table below is
 * the authorisation rule book: an operation missing from it fails the suite, so a new operation
 * cannot ship without a rule.
 *
 * "Allowed" means a data answer with no error at all (an INTERNAL_SERVER_ERROR fails the matrix);
 * "denied" means exactly the one error code expected. For a subscription, allowed means that an
 * event triggered after subscribing arrives. Field resolvers that filter what a caller sees are
 * rows too (FIELDS), with what each caller must see.
 *
 * To add an operation: add a row to MATRIX: `given` builds the real objects the call needs (fresh
 * for every call, through the API as their organisation's admin) and returns the variables; `own`
 * and `other` say what each role gets when those objects belong to its own organisations or to
 * another's (`other` only for operations that reach an organisation's objects); subscriptions add
 * `trigger`, which causes the event the subscriber must receive.
 */

/** Who calls: nobody, a platform admin (member of no organisation), or a member of both own organisations in each role. */
const ROLES = ['anonymous', 'platformAdmin', 'ADMIN', 'STAFF', 'DRIVER'] as const;
type Role = (typeof ROLES)[number];
type Member = Exclude<Role, 'anonymous'>;
/** Whose objects: the callers' own organisations, or another donor and recipient none of them belongs to. */
type Target = 'own' | 'other';

/**
 * What a call gives: 'data' (a data answer without any error), 'null' (a null answer without
 * error: hidden), what a field shows (`{ sees }`), or else the error codes it answered, comma-separated.
 */
type Outcome = string | { readonly sees: unknown };
type Expectation = Readonly<Record<Role, Outcome>>;

interface Side {
  readonly donorId: string;
  readonly donorSiteId: string;
  readonly recipientId: string;
  readonly recipientSiteId: string;
  /** The ADMIN of both organisations of this side. */
  readonly admin: TestUser;
}

interface World {
  readonly api: RunningApi;
  readonly services: TestServices;
  readonly sides: Readonly<Record<Target, Side>>;
  readonly users: Readonly<Record<Member, TestUser>>;
}

type Variables = Record<string, unknown>;

interface Row {
  /** What the case is about, when an operation has several. */
  readonly about?: string;
  /** The real objects the call needs, built fresh for each call; returns the call's variables. */
  readonly given?: (world: World, target: Target) => Promise<Variables>;
  readonly own: Expectation;
  /** For operations that reach an organisation's objects: the same call on another organisation's. */
  readonly other?: Expectation;
  /** Subscriptions: causes the event an allowed subscriber must receive. */
  readonly trigger?: (world: World, target: Target, variables: Variables) => Promise<void>;
}

/** `data` for the roles given, UNAUTHENTICATED for nobody, FORBIDDEN for everyone else; `overrides` where it differs. */
function allow(roles: readonly Role[], overrides: Partial<Record<Role, Outcome>> = {}): Expectation {
  const denied = (role: Role): Outcome => (role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return Object.fromEntries(ROLES.map((role) => [role, overrides[role] ?? (roles.includes(role) ? 'data' : denied(role))])) as Expectation;
}

const EVERYONE: readonly Role[] = ROLES;
const SIGNED_IN: readonly Role[] = ['platformAdmin', 'ADMIN', 'STAFF', 'DRIVER'];
const OFFICE: readonly Role[] = ['ADMIN', 'STAFF'];
const NOBODY: readonly Role[] = [];

// ---- Fixture builders: real objects, made through the API as their organisation's admin. ----

const CREATE_OFFER = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { id items { id } } }`;
const PUBLISH_OFFER = `mutation ($id: ID!) { publishOffer(id: $id) { id } }`;
const CREATE_ORGANIZATION = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const VERIFY_ORGANIZATION = `mutation ($id: ID!) { verifyOrganization(id: $id) { id } }`;
const ADD_SITE = `mutation ($input: AddSiteInput!) { addSite(input: $input) { id } }`;
const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }`;
const SET_PROFILE = `mutation ($input: RecipientProfileInput!) { setRecipientProfile(input: $input) { serviceRadiusKm } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { refreshToken } }`;

const HOUR_MS = 3_600_000;
let legalIdCounter = 6000;

function offerInput(world: World, target: Target): Variables {
  return {
    siteId: world.sides[target].donorSiteId,
    title: 'Invendus du jour',
    items: [{ category: 'FOOD.DRY', description: 'Pâtes', quantityKg: 10, temperature: 'AMBIENT', dateKind: 'NONE' }],
    pickupFrom: new Date(Date.now() + HOUR_MS).toISOString(),
    pickupUntil: new Date(Date.now() + 5 * HOUR_MS).toISOString(),
  };
}

const ADD_VEHICLE = `mutation ($input: AddVehicleInput!) { addVehicle(input: $input) { id } }`;
const ADD_ABSENCE = `mutation ($input: AddDriverAbsenceInput!) { addDriverAbsence(input: $input) { id } }`;

/** A vehicle of the target recipient, added by its admin. */
async function vehicleOf(world: World, target: Target): Promise<string> {
  const input = { organizationId: world.sides[target].recipientId, name: 'Berlingo', capacityKg: 350, refrigerated: false };
  return (await gqlOk<{ addVehicle: { id: string } }>(world.api, ADD_VEHICLE, { input }, world.sides[target].admin.accessToken)).addVehicle.id;
}

/** An absence of the DRIVER caller, in the own recipient. */
async function absenceOfDriver(world: World): Promise<string> {
  const input = { organizationId: world.sides.own.recipientId, from: '2031-08-01', to: '2031-08-02' };
  return (await gqlOk<{ addDriverAbsence: { id: string } }>(world.api, ADD_ABSENCE, { input }, world.users.DRIVER.accessToken)).addDriverAbsence.id;
}

async function draftOffer(world: World, target: Target): Promise<{ id: string; itemIds: string[] }> {
  const { createOffer } = await gqlOk<{ createOffer: { id: string; items: { id: string }[] } }>(
    world.api,
    CREATE_OFFER,
    { input: offerInput(world, target) },
    world.sides[target].admin.accessToken,
  );
  return { id: createOffer.id, itemIds: createOffer.items.map((item) => item.id) };
}

async function publishedOffer(world: World, target: Target): Promise<{ id: string; itemIds: string[] }> {
  const offer = await draftOffer(world, target);
  await gqlOk(world.api, PUBLISH_OFFER, { id: offer.id }, world.sides[target].admin.accessToken);
  return offer;
}

/** A published offer of the target donor claimed by both recipients, own and other (claims written as ClaimOffer would). */
async function claimedOffer(world: World, target: Target): Promise<string> {
  const offer = await publishedOffer(world, target);
  const itemId = offer.itemIds[0] ?? '';
  const pickupDay = new Date(Date.now() + HOUR_MS).toISOString().slice(0, 10);
  for (const side of ['own', 'other'] as const) {
    await insertClaim(world.services.dataSource, {
      offerId: offer.id,
      recipientOrganizationId: world.sides[side].recipientId,
      pickupDay,
      lines: [{ itemId, kg: 2, temperature: 'AMBIENT' }],
    });
  }
  return offer.id;
}

/** A confirmed 2 kg claim of the target side's recipient on its donor's offer, the offer's kilos taken as ClaimOffer takes them. */
async function confirmedClaim(world: World, target: Target): Promise<string> {
  const offer = await publishedOffer(world, target);
  const ds = world.services.dataSource;
  const claimId = await insertClaim(ds, {
    offerId: offer.id,
    recipientOrganizationId: world.sides[target].recipientId,
    pickupDay: new Date(Date.now() + HOUR_MS).toISOString().slice(0, 10),
    lines: [{ itemId: offer.itemIds[0] ?? '', kg: 2, temperature: 'AMBIENT' }],
  });
  await ds.query('UPDATE offer_items SET remaining_kg = remaining_kg - 2 WHERE id = $1', [offer.itemIds[0]]);
  await ds.query("UPDATE offers SET remaining_kg = remaining_kg - 2, status = 'PARTIALLY_CLAIMED' WHERE id = $1", [offer.id]);
  return claimId;
}

/** An open run of the target recipient collecting at the target donor's site (as planning writes it). */
async function openRunOf(world: World, target: Target): Promise<string> {
  return (await runOf(world, target)).runId;
}

/** A run of the target recipient; with a driver, already theirs. */
async function runOf(world: World, target: Target, driverUserId?: string): Promise<{ runId: string; collectStopId: string }> {
  const side = world.sides[target];
  const start = new Date(Date.now() + HOUR_MS);
  return insertOpenRun(world.services.dataSource, {
    recipient: { organizationId: side.recipientId, siteId: side.recipientSiteId },
    donor: { organizationId: side.donorId, siteId: side.donorSiteId },
    day: parisDayOf(start),
    start,
    driverUserId,
  });
}

/** The first stop of a run assigned to the matrix's DRIVER (own side) or to the other side's admin (their driver, for the occasion). */
async function stopToRecord(world: World, target: Target): Promise<Variables> {
  const driver = target === 'own' ? world.users.DRIVER.id : world.sides.other.admin.id;
  const { collectStopId } = await runOf(world, target, driver);
  return { input: { stopId: collectStopId, kind: 'ARRIVED' } };
}

/** A day far enough ahead to be plannable whenever the suite runs. */
const PLANNABLE_DAY = '2031-06-02';

/** A person with an account and a fresh session, nothing to do with the caller. */
async function freshSession(world: World): Promise<TestUser> {
  return registerUser(world.api, uniqueEmail('fresh'));
}

/** A fresh account whose address is not verified yet, with the token its link carries (stored as the worker stores it). */
async function unverifiedWithToken(world: World): Promise<{ email: string; token: string }> {
  const person = await registerUnverifiedUser(world.api, uniqueEmail('unverified'));
  const token = newOpaqueToken();
  await world.api.app.get(EmailVerificationTokenRepository).create({
    id: randomUUID(),
    userId: person.id,
    tokenHash: hashOpaqueToken(token),
    expiresAt: new Date(Date.now() + HOUR_MS),
    createdAt: new Date(),
  });
  return { email: person.email, token };
}

async function organizationOfSide(world: World, target: Target, kind: 'DONOR' | 'RECIPIENT'): Promise<string> {
  const legalId = kind === 'DONOR' ? siretFor(legalIdCounter++) : `W69${String(legalIdCounter++).padStart(7, '0')}`;
  const { createOrganization } = await gqlOk<{ createOrganization: { id: string } }>(
    world.api,
    CREATE_ORGANIZATION,
    { input: { name: `${kind} ${legalId}`, kind, legalId } },
    world.sides[target].admin.accessToken,
  );
  return createOrganization.id;
}

const offerMatchNotice = (recipientOrganizationId: string) => ({
  offerId: randomUUID(),
  recipientOrganizationId,
  siteId: randomUUID(),
  distanceKm: 3,
  score: 0.8,
  rank: 1,
  absorbableKg: 10,
  fit: 'WHOLE_LOT' as const,
  circle: 1,
  reasons: [],
});

// ---- The rule book. ----

const MATRIX: Readonly<Record<'Query' | 'Mutation' | 'Subscription', Readonly<Record<string, readonly Row[]>>>> = {
  Query: {
    ping: [{ own: allow(EVERYONE) }],
    categories: [{ own: allow(EVERYONE) }],
    me: [{ own: allow(SIGNED_IN) }],
    // Public fields for anyone signed in; the private ones are null for outsiders (organizations.e2e-spec).
    organization: [{ given: async (w, t) => ({ id: w.sides[t].donorId }), own: allow(SIGNED_IN), other: allow(SIGNED_IN) }],
    offer: [
      { about: 'a published offer', given: async (w, t) => ({ id: (await publishedOffer(w, t)).id }), own: allow(SIGNED_IN), other: allow(SIGNED_IN) },
      // A draft is its donor's business: hidden (null) from other organisations' members.
      {
        about: 'a draft',
        given: async (w, t) => ({ id: (await draftOffer(w, t)).id }),
        own: allow(SIGNED_IN),
        other: allow(['platformAdmin'], { ADMIN: 'null', STAFF: 'null', DRIVER: 'null' }),
      },
    ],
    offers: [{ own: allow(SIGNED_IN) }],
    // The donor's office and platform admins (the donor's view is coarse, matching.e2e-spec).
    offerMatches: [
      {
        given: async (w, t) => ({ offerId: (await publishedOffer(w, t)).id }),
        own: allow(['platformAdmin', ...OFFICE]),
        other: allow(['platformAdmin']),
      },
    ],
    // Those who claim for the recipient.
    claimableOffers: [{ given: async (w, t) => ({ organizationId: w.sides[t].recipientId }), own: allow(OFFICE), other: allow(NOBODY) }],
    // A coordinator: the recipient's ADMIN or STAFF (its own lines only), or a platform admin for any recipient.
    proposeAllocation: [
      { given: async (w, t) => ({ organizationId: w.sides[t].recipientId }), own: allow(['platformAdmin', ...OFFICE]), other: allow(['platformAdmin']) },
    ],
    // Every member of the organisation (drivers carry these goods); claims.e2e-spec covers who sees which claim.
    claims: [{ given: async (w, t) => ({ organizationId: w.sides[t].recipientId }), own: allow(['ADMIN', 'STAFF', 'DRIVER']), other: allow(NOBODY) }],
    // Every member of the recipient sees the vehicles it may be asked to drive.
    vehicles: [
      {
        given: async (w, t) => ({ organizationId: w.sides[t].recipientId, includeRetired: true }),
        own: allow(['ADMIN', 'STAFF', 'DRIVER']),
        other: allow(NOBODY),
      },
    ],
    // The recipient's coordinators plan and read its days.
    pickupRuns: [{ given: async (w, t) => ({ organizationId: w.sides[t].recipientId, day: PLANNABLE_DAY }), own: allow(OFFICE), other: allow(NOBODY) }],
    unservedPickups: [{ given: async (w, t) => ({ organizationId: w.sides[t].recipientId, day: PLANNABLE_DAY }), own: allow(OFFICE), other: allow(NOBODY) }],
    // Anyone signed in reads their own runs (none for most): the caller is the driver, never an argument.
    myRuns: [{ given: async () => ({ day: PLANNABLE_DAY }), own: allow(SIGNED_IN) }],
    // The recipient's coordinators read its drivers; a driver only themselves (here: themselves).
    driverAvailability: [
      {
        given: async (w, t) => ({ organizationId: w.sides[t].recipientId, userId: w.users.DRIVER.id }),
        own: allow(['ADMIN', 'STAFF', 'DRIVER']),
        other: allow(NOBODY),
      },
    ],
  },
  Mutation: {
    createOffer: [{ given: async (w, t) => ({ input: offerInput(w, t) }), own: allow(OFFICE), other: allow(NOBODY) }],
    publishOffer: [{ given: async (w, t) => ({ id: (await draftOffer(w, t)).id }), own: allow(OFFICE), other: allow(NOBODY) }],
    withdrawOffer: [{ given: async (w, t) => ({ id: (await publishedOffer(w, t)).id, reason: 'Vendu en magasin' }), own: allow(OFFICE), other: allow(NOBODY) }],
    // Those who claim for the recipient (the recipient's site has no receiving hours here, so an entitled call is
    // judged by the matching engine: RECIPIENT_NOT_ELIGIBLE; claims.int-spec and claims.e2e-spec make real claims).
    claimOffer: [
      {
        given: async (w, t) => ({
          input: { offerId: (await publishedOffer(w, t)).id, organizationId: w.sides[t].recipientId, idempotencyKey: `matrix-${randomUUID()}` },
        }),
        own: allow(OFFICE, { ADMIN: 'RECIPIENT_NOT_ELIGIBLE', STAFF: 'RECIPIENT_NOT_ELIGIBLE' }),
        other: allow(NOBODY),
      },
    ],
    // The recipient's or the donor's office (the donor with a reason).
    cancelClaim: [{ given: async (w, t) => ({ id: await confirmedClaim(w, t), reason: 'Rupture de stock' }), own: allow(OFFICE), other: allow(NOBODY) }],
    register: [{ given: async () => ({ input: { email: uniqueEmail('matrix'), password: TEST_PASSWORD, displayName: 'Matrix' } }), own: allow(EVERYONE) }],
    login: [{ given: async (w) => ({ input: { email: (await freshSession(w)).email, password: TEST_PASSWORD } }), own: allow(EVERYONE) }],
    refreshToken: [{ given: async (w) => ({ token: (await freshSession(w)).refreshToken }), own: allow(EVERYONE) }],
    // The token (or the address) is the proof, whoever calls.
    verifyEmail: [{ given: async (w) => ({ token: (await unverifiedWithToken(w)).token }), own: allow(EVERYONE) }],
    resendVerificationEmail: [{ given: async (w) => ({ email: (await unverifiedWithToken(w)).email }), own: allow(EVERYONE) }],
    // One's own session: the caller's refresh token, from a sign-in of its own made for this call.
    logout: [{ given: async () => ({}), own: allow(SIGNED_IN) }],
    sendHeartbeat: [{ given: async () => ({ requestId: randomUUID() }), own: allow(['platformAdmin']) }],
    createOrganization: [
      { given: async () => ({ input: { name: 'Matrix donor', kind: 'DONOR', legalId: siretFor(legalIdCounter++) } }), own: allow(SIGNED_IN) },
    ],
    verifyOrganization: [
      { given: async (w, t) => ({ id: await organizationOfSide(w, t, 'RECIPIENT') }), own: allow(['platformAdmin']), other: allow(['platformAdmin']) },
    ],
    addSite: [
      {
        given: async (w, t) => ({
          input: {
            organizationId: w.sides[t].donorId,
            name: 'Dépôt',
            address: '1 place Bellecour, 69002 Lyon',
            location: { latitude: 45.7578, longitude: 4.832 },
          },
        }),
        own: allow(['ADMIN']),
        other: allow(NOBODY),
      },
    ],
    addMember: [
      {
        given: async (w, t) => ({ input: { organizationId: w.sides[t].donorId, email: uniqueEmail('invitee'), role: 'DRIVER' } }),
        own: allow(['ADMIN']),
        other: allow(NOBODY),
      },
    ],
    setRecipientProfile: [
      {
        given: async (w, t) => ({
          input: {
            organizationId: w.sides[t].recipientId,
            acceptedCategories: ['FOOD'],
            capacities: [{ temperature: 'AMBIENT', kg: 100 }],
            serviceRadiusKm: 30,
          },
        }),
        own: allow(OFFICE),
        other: allow(NOBODY),
      },
    ],
    addVehicle: [
      {
        given: async (w, t) => ({ input: { organizationId: w.sides[t].recipientId, name: 'Kangoo', capacityKg: 400, refrigerated: false } }),
        own: allow(OFFICE),
        other: allow(NOBODY),
      },
    ],
    updateVehicle: [{ given: async (w, t) => ({ input: { id: await vehicleOf(w, t), name: 'Kangoo bleu' } }), own: allow(OFFICE), other: allow(NOBODY) }],
    // Drivers, each for themselves: the driver is the caller, never an argument.
    setDriverAvailability: [
      {
        given: async (w, t) => ({ input: { organizationId: w.sides[t].recipientId, weekly: [{ weekday: 2, intervals: [{ start: '14:00', end: '18:00' }] }] } }),
        own: allow(['DRIVER']),
        other: allow(NOBODY),
      },
    ],
    addDriverAbsence: [
      {
        given: async (w, t) => ({ input: { organizationId: w.sides[t].recipientId, from: '2031-07-01', to: '2031-07-02' } }),
        own: allow(['DRIVER']),
        other: allow(NOBODY),
      },
    ],
    // Only the absence's own driver finds it: to anyone else it does not exist.
    removeDriverAbsence: [
      {
        given: async (w) => ({ id: await absenceOfDriver(w) }),
        own: allow(['DRIVER'], { platformAdmin: 'NOT_FOUND', ADMIN: 'NOT_FOUND', STAFF: 'NOT_FOUND' }),
      },
    ],
    // The recipient's coordinators plan its days (a day without pickups plans no run: an empty list).
    planRuns: [
      {
        given: async (w, t) => ({
          input: { organizationId: w.sides[t].recipientId, day: PLANNABLE_DAY, vehicles: [{ capacityKg: 300, refrigerated: true }] },
        }),
        own: allow(OFFICE),
        other: allow(NOBODY),
      },
    ],
    // The run's organisation's drivers take its open runs; nobody else, not even its coordinators.
    acceptRun: [{ given: async (w, t) => ({ id: await openRunOf(w, t) }), own: allow(['DRIVER']), other: allow(NOBODY) }],
    // Not in the public contract (an addition): only the run's own driver gives it back.
    withdrawFromRun: [
      {
        given: async (w, t) => ({ id: (await runOf(w, t, t === 'own' ? w.users.DRIVER.id : w.sides.other.admin.id)).runId }),
        own: allow(['DRIVER']),
        other: allow(NOBODY),
      },
    ],
    // The run's driver records its stops; the recipient's coordinators may record for them.
    recordStopEvent: [{ given: stopToRecord, own: allow(['DRIVER', ...OFFICE]), other: allow(NOBODY) }],
    // The caller's own feed: only people who drive for some organisation get one.
    issueCalendarFeed: [{ own: allow(['DRIVER'], { platformAdmin: 'NOT_A_DRIVER', ADMIN: 'NOT_A_DRIVER', STAFF: 'NOT_A_DRIVER' }) }],
    revokeCalendarFeed: [{ own: allow(SIGNED_IN) }],
  },
  Subscription: {
    // Whoever may read the offer: a published offer is open to everyone signed in.
    offerChanged: [
      {
        given: async (w, t) => ({ offerId: (await publishedOffer(w, t)).id }),
        own: allow(SIGNED_IN),
        other: allow(SIGNED_IN),
        // What the notifier publishes after a claim commits: the offer stays open, so everyone may still read it.
        trigger: async (w, _t, v) => w.api.app.get(RedisEventBus).publish('offers.changed', { offerId: String(v['offerId']) }),
      },
    ],
    // The recipient's own feed, for those who claim for it; the event is the broadcast cascade's notice.
    offerMatched: [
      {
        given: async (w, t) => ({ organizationId: w.sides[t].recipientId }),
        own: allow(OFFICE),
        other: allow(NOBODY),
        trigger: async (w, t) => w.api.app.get(RedisEventBus).publish('offers.matched', offerMatchNotice(w.sides[t].recipientId)),
      },
    ],
    // Whoever follows the run: the recipient's coordinators, its drivers while it is open, the donor's members for their stop
    // (the matrix's members belong to both the own donor and recipient); to anyone else it does not exist.
    runUpdated: [
      {
        given: async (w, t) => ({ runId: await openRunOf(w, t) }),
        own: allow(['ADMIN', 'STAFF', 'DRIVER'], { platformAdmin: 'NOT_FOUND' }),
        other: allow(NOBODY, { platformAdmin: 'NOT_FOUND', ADMIN: 'NOT_FOUND', STAFF: 'NOT_FOUND', DRIVER: 'NOT_FOUND' }),
        trigger: async (w, _t, v) => w.api.app.get(RedisEventBus).publish('runs.changed', { runId: String(v['runId']) }),
      },
    ],
    // Not in the public contract (an addition): the organisation's drivers, told of its runs given back close to their start.
    // The event names every caller of the matrix, so only the rule decides who hears it.
    openRunOffered: [
      {
        given: async (w, t) => ({ organizationId: w.sides[t].recipientId }),
        own: allow(['DRIVER']),
        other: allow(NOBODY),
        trigger: async (w, t, v) =>
          w.api.app.get(RedisEventBus).publish('runs.open-offered', {
            runId: await openRunOf(w, t),
            organizationId: String(v['organizationId']),
            driverUserIds: Object.values(w.users).map((user) => user.id),
          }),
      },
    ],
    // The worker's answer to sendHeartbeat, as it publishes it.
    heartbeat: [
      {
        given: async () => ({ requestId: randomUUID() }),
        own: allow(['platformAdmin']),
        trigger: async (w, _t, v) =>
          w.api.app.get(RedisEventBus).publish('system.heartbeat', {
            requestId: String(v['requestId']),
            requestedAt: new Date().toISOString(),
            processedAt: new Date().toISOString(),
            processedBy: 'matrix',
          }),
      },
    ],
  },
};

/**
 * Fields whose resolver filters what the caller sees, read through a query on real objects: what
 * each role must see. Offer.claims: the donor's members and platform admins see every claim, a
 * recipient only its own (the offer is claimed by the own and the other recipient).
 */
interface FieldRow {
  readonly document: string;
  readonly given: (world: World, target: Target) => Promise<Variables>;
  /** What the caller sees of the field in the data answer. */
  readonly seen: (data: Record<string, unknown>, world: World) => unknown;
  readonly own: Expectation;
  /** For fields of objects that belong to an organisation: the same read on another organisation's. */
  readonly other?: Expectation;
}

const sees = (roles: Partial<Record<Role, unknown>>, otherwise: Partial<Record<Role, Outcome>> = {}): Expectation =>
  Object.fromEntries(
    ROLES.map((role) => [role, otherwise[role] ?? (role in roles ? { sees: roles[role] } : role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN')]),
  ) as Expectation;

const FIELDS: Readonly<Record<string, FieldRow>> = {
  'Offer.claims': {
    document: `query ($id: ID!) { offer(id: $id) { claims { id } } }`,
    given: async (w, t) => ({ id: await claimedOffer(w, t) }),
    seen: (data) => (data['offer'] as { claims: unknown[] } | null)?.claims.length,
    // The members of the own organisations are the donor's members on its offers, and the own recipient's on the other's.
    own: sees({ platformAdmin: 2, ADMIN: 2, STAFF: 2, DRIVER: 2 }),
    other: sees({ platformAdmin: 2, ADMIN: 1, STAFF: 1, DRIVER: 1 }),
  },
  // Whether an invitation still waits tells whether an address has an account: the organisation's ADMINs only
  // (null for anyone else, even a member reading its own memberships in the own donor and recipient).
  'Membership.pending': {
    document: `query { me { memberships { pending organization { id } } } }`,
    given: async () => ({}),
    // Its memberships in the own donor and recipient (the matrix's other calls add organisations of their own).
    seen: (data, world) =>
      (data['me'] as { memberships: { pending: boolean | null; organization: { id: string } }[] }).memberships
        .filter((membership) => [world.sides.own.donorId, world.sides.own.recipientId].includes(membership.organization.id))
        .map((membership) => membership.pending),
    own: sees({ platformAdmin: [], ADMIN: [false, false], STAFF: [null, null], DRIVER: [null, null] }),
  },
};

type OperationKind = keyof typeof MATRIX;
const KINDS: readonly OperationKind[] = ['Query', 'Mutation', 'Subscription'];

/** A document for any field: every argument as a variable of its declared type, `__typename` as the selection. */
function documentFor(kind: OperationKind, field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind.toLowerCase()} Matrix${definitions ? `(${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/** What one answer means: its error codes if any, else data or null. */
function outcomeOf(body: { data?: Record<string, unknown> | null; errors?: readonly GraphQLErrorBody[] }, name: string): Outcome {
  const errors = body.errors ?? [];
  if (errors.length > 0) return errors.map((error) => String(error.extensions?.code)).join(',');
  return body.data?.[name] === null || body.data?.[name] === undefined ? 'null' : 'data';
}

/**
 * Subscribes over a real WebSocket. An error first is the outcome; silence for `quietMs` means it
 * was accepted: then `trigger` runs, and the event it causes must arrive within `eventMs`.
 */
function subscriptionOutcome(
  api: RunningApi,
  token: string | undefined,
  query: string,
  variables: Variables,
  name: string,
  trigger: () => Promise<void>,
  quietMs = 500,
  eventMs = 5000,
): Promise<Outcome> {
  const client = wsClient(api.wsUrl, token === undefined ? {} : { authorization: `Bearer ${token}` });
  return new Promise<Outcome>((resolve, reject) => {
    let settled = false;
    let triggered = false;
    const timers: NodeJS.Timeout[] = [];
    const settle = (outcome: Outcome): void => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      unsubscribe();
      void client.dispose();
      resolve(outcome);
    };
    const unsubscribe = client.subscribe(
      { query, variables },
      {
        next: (result) => settle(outcomeOf(result as { data?: Record<string, unknown>; errors?: GraphQLErrorBody[] }, name)),
        error: (error) =>
          settle(Array.isArray(error) ? (error as GraphQLErrorBody[]).map((e) => String(e.extensions?.code)).join(',') : `SOCKET_ERROR ${String(error)}`),
        complete: () => settle(triggered ? 'completed without the event' : 'completed at once'),
      },
    );
    timers.push(
      setTimeout(() => {
        triggered = true;
        trigger().catch(reject);
        timers.push(setTimeout(() => settle('accepted, but the event never arrived'), eventMs));
      }, quietMs),
    );
  });
}

describe('authorisation matrix: every operation × every caller × real objects of their own or another organisation', () => {
  let services: TestServices;
  let api: RunningApi;
  let world: World;
  let operations: Map<OperationKind, Map<string, GraphQLField<unknown, unknown>>>;

  beforeAll(async () => {
    services = await provideTestServices();
    api = await startApi(services.config);
    await api.app.get(DatabaseConnector).whenConnected();
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const rootOf = (kind: OperationKind): GraphQLObjectType | null | undefined =>
      kind === 'Query' ? schema.getQueryType() : kind === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    operations = new Map(KINDS.map((kind) => [kind, new Map(Object.entries(rootOf(kind)?.getFields() ?? {}))]));

    const [admin, staff, driver, otherAdmin] = await Promise.all([registerUser(api), registerUser(api), registerUser(api), registerUser(api)]);
    const platformAdmin = await registerPlatformAdmin(api, services.dataSource);

    /** A verified donor with a site and a verified recipient with a site and a profile, run by `owner`. */
    async function side(owner: TestUser, label: string, members: ReadonlyArray<[TestUser, 'STAFF' | 'DRIVER']>): Promise<Side> {
      const create = async (kind: 'DONOR' | 'RECIPIENT', legalId: string): Promise<string> =>
        (
          await gqlOk<{ createOrganization: { id: string } }>(
            api,
            CREATE_ORGANIZATION,
            { input: { name: `${label} ${kind}`, kind, legalId } },
            owner.accessToken,
          )
        ).createOrganization.id;
      const donorId = await create('DONOR', siretFor(legalIdCounter++));
      const recipientId = await create('RECIPIENT', `W69${String(legalIdCounter++).padStart(7, '0')}`);
      const sites: string[] = [];
      for (const organizationId of [donorId, recipientId]) {
        await gqlOk(api, VERIFY_ORGANIZATION, { id: organizationId }, platformAdmin.accessToken);
        const { addSite } = await gqlOk<{ addSite: { id: string } }>(
          api,
          ADD_SITE,
          { input: { organizationId, name: 'Site', address: '1 place Bellecour, 69002 Lyon', location: { latitude: 45.7578, longitude: 4.832 } } },
          owner.accessToken,
        );
        sites.push(addSite.id);
        for (const [member, role] of members) await gqlOk(api, ADD_MEMBER, { input: { organizationId, email: member.email, role } }, owner.accessToken);
      }
      await gqlOk(
        api,
        SET_PROFILE,
        { input: { organizationId: recipientId, acceptedCategories: ['FOOD'], capacities: [{ temperature: 'AMBIENT', kg: 500 }], serviceRadiusKm: 30 } },
        owner.accessToken,
      );
      return { donorId, donorSiteId: sites[0] ?? '', recipientId, recipientSiteId: sites[1] ?? '', admin: owner };
    }

    world = {
      api,
      services,
      sides: {
        own: await side(admin, 'A', [
          [staff, 'STAFF'],
          [driver, 'DRIVER'],
        ]),
        other: await side(otherAdmin, 'B', []),
      },
      users: { platformAdmin, ADMIN: admin, STAFF: staff, DRIVER: driver },
    };
    // Two sides of verified organisations with sites, members and profiles, all through the API.
  }, 120_000);

  afterAll(async () => {
    await api?.app.close();
    await services?.release();
  });

  it('has a rule for every operation of the schema, and no rule for an operation that does not exist', () => {
    for (const kind of KINDS) {
      const served = [...(operations.get(kind)?.keys() ?? [])].sort();
      const ruled = Object.keys(MATRIX[kind]).sort();
      expect({
        kind,
        withoutRule: served.filter((name) => !ruled.includes(name)),
        ruleWithoutOperation: ruled.filter((name) => !served.includes(name)),
      }).toEqual({
        kind,
        withoutRule: [],
        ruleWithoutOperation: [],
      });
    }
  });

  /** A token for the role; for logout, a sign-in of the caller's own made for this call (so the matrix keeps its sessions). */
  async function tokenFor(role: Role, operation: string): Promise<{ token: string | undefined; variables: Variables }> {
    if (role === 'anonymous') return { token: undefined, variables: {} };
    const user = world.users[role];
    if (operation !== 'Mutation.logout') return { token: user.accessToken, variables: {} };
    const { login } = await gqlOk<{ login: { refreshToken: string } }>(api, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
    return { token: user.accessToken, variables: { refreshToken: login.refreshToken } };
  }

  const cases = KINDS.flatMap((kind) =>
    Object.entries(MATRIX[kind]).flatMap(([name, rows]) =>
      rows.flatMap((row) =>
        (row.other === undefined ? (['own'] as const) : (['own', 'other'] as const)).flatMap((target) =>
          ROLES.map((role) => [`${kind}.${name}${row.about === undefined ? '' : ` (${row.about})`}`, role, target, kind, name, row] as const),
        ),
      ),
    ),
  );

  it.each(cases)('%s as %s on %s objects', async (label, role, target, kind, name, row) => {
    const field = operations.get(kind)?.get(name);
    if (field === undefined) throw new Error(`${kind}.${name} is not in the schema`);
    const expected = (target === 'own' ? row.own : row.other)?.[role];
    const caller = await tokenFor(role, `${kind}.${name}`);
    const variables = { ...(await row.given?.(world, target)), ...caller.variables };
    const document = documentFor(kind, field);
    const outcome =
      kind === 'Subscription'
        ? await subscriptionOutcome(api, caller.token, document, variables, name, () => row.trigger?.(world, target, variables) ?? Promise.resolve())
        : outcomeOf(await gql(api, document, variables, caller.token), name);
    expect({ operation: label, role, target, outcome }).toEqual({ operation: label, role, target, outcome: expected });
  });

  const fieldCases = Object.entries(FIELDS).flatMap(([name, row]) =>
    (row.other === undefined ? (['own'] as const) : (['own', 'other'] as const)).flatMap((target) => ROLES.map((role) => [name, role, target, row] as const)),
  );

  it.each(fieldCases)('%s as %s on %s objects', async (name, role, target, row) => {
    const variables = await row.given(world, target);
    const token = role === 'anonymous' ? undefined : world.users[role].accessToken;
    const body = await gql(api, row.document, variables, token);
    const errors = body.errors ?? [];
    const outcome: Outcome = errors.length > 0 ? errors.map((error) => String(error.extensions?.code)).join(',') : { sees: row.seen(body.data ?? {}, world) };
    expect({ field: name, role, target, outcome }).toEqual({ field: name, role, target, outcome: row[target]?.[role] });
  });
});
