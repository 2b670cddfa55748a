import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { DatabaseConnector } from '#persistence';
import { getNamedType, isLeafType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { wsClient } from '../support/graphql-ws-client';
import { gql, gqlOk, registerPlatformAdmin, registerUser, uniqueEmail, type GraphQLErrorBody, type TestUser } from '../support/graphql-http';
import { siretFor } from '../support/legal-ids';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

/**
 * Every operation of the schema the API really serves, called by every kind of caller, against the
 * caller's own organisation and against another one. The table below is the authorisation rule book:
 * an operation missing from it fails the suite, so a new operation cannot ship without a rule.
 *
 * To add an operation: add an entry to MATRIX with who may call it, against their own organisation
 * (`own`) and, if it names an organisation (or something belonging to one), against another's
 * (`other`), and the variables that reach the authorisation check. Allowed calls may still fail for
 * other reasons (a validation error, a NOT_FOUND): only FORBIDDEN and UNAUTHENTICATED mean "denied".
 */

/** Who calls: nobody, a platform admin (member of no organisation), or a member of organisation A in each role. */
const ROLES = ['anonymous', 'platformAdmin', 'ADMIN', 'STAFF', 'DRIVER'] as const;
type Role = (typeof ROLES)[number];
/** Whose data: organisation A, the members' own; or organisation B, which none of them belongs to. */
type Target = 'own' | 'other';

interface Fixture {
  readonly own: { readonly organizationId: string };
  readonly other: { readonly organizationId: string };
  readonly users: Readonly<Record<Exclude<Role, 'anonymous'>, TestUser>>;
}

interface Rule {
  /** Roles allowed when the operation concerns their own organisation, or no organisation at all. */
  readonly own: readonly Role[];
  /** Roles allowed when it concerns another organisation; absent for operations that name none. */
  readonly other?: readonly Role[];
  readonly variables?: (fixture: Fixture, target: Target) => Record<string, unknown>;
}

const EVERYONE: readonly Role[] = ROLES;
const SIGNED_IN: readonly Role[] = ['platformAdmin', 'ADMIN', 'STAFF', 'DRIVER'];
const PLATFORM_ADMIN: readonly Role[] = ['platformAdmin'];
const NOBODY: readonly Role[] = [];
const organizationOf = (fixture: Fixture, target: Target): string => fixture[target].organizationId;

let siretCounter = 5000;

const MATRIX: Readonly<Record<'Query' | 'Mutation' | 'Subscription', Readonly<Record<string, Rule>>>> = {
  Query: {
    ping: { own: EVERYONE },
    categories: { own: EVERYONE },
    me: { own: SIGNED_IN },
    // Public fields for anyone signed in; the private ones are null for outsiders (organizations.e2e-spec).
    organization: { own: SIGNED_IN, other: SIGNED_IN, variables: (f, t) => ({ id: organizationOf(f, t) }) },
    // Any member reads open offers, and its own organisations' offers in every state (OfferVisibility); an
    // unknown id is null. Who sees which offer is covered by offers.e2e-spec.
    offer: { own: SIGNED_IN, variables: () => ({ id: randomUUID() }) },
    offers: { own: SIGNED_IN },
    // Membership is checked once the offer is loaded (FindOfferMatches): an unknown id is NOT_FOUND for anyone signed
    // in; another organisation's offer is FORBIDDEN, a platform admin reads any offer's matches in full, the donor
    // a coarse view (matching.e2e-spec).
    offerMatches: { own: SIGNED_IN, variables: () => ({ offerId: randomUUID() }) },
    // Those who claim for the recipient; organisation A has no profile yet, so allowed calls get an empty page.
    claimableOffers: { own: ['ADMIN', 'STAFF'], other: NOBODY, variables: (f, t) => ({ organizationId: organizationOf(f, t) }) },
    // A coordinator: the organisation's ADMIN or STAFF (its own lines only), or a platform admin for any organisation
    // (the whole proposal: ProposeAllocation).
    // Allowed calls here end in RECIPIENT_NOT_VERIFIED or NOT_A_RECIPIENT; allocation.e2e-spec covers real proposals.
    proposeAllocation: { own: ['platformAdmin', 'ADMIN', 'STAFF'], other: PLATFORM_ADMIN, variables: (f, t) => ({ organizationId: organizationOf(f, t) }) },
    // Every member (drivers carry these goods), of its own organisation only; claims.e2e-spec covers who sees which claim.
    claims: { own: ['ADMIN', 'STAFF', 'DRIVER'], other: NOBODY, variables: (f, t) => ({ organizationId: organizationOf(f, t) }) },
  },
  Mutation: {
    // The site names the donor (CreateOffer): a site that is nobody's is FORBIDDEN for everyone signed in. Its
    // own ADMIN and STAFF may, its DRIVER and other organisations may not: offers e2e and integration specs.
    createOffer: {
      own: NOBODY,
      variables: () => ({
        input: {
          siteId: randomUUID(),
          title: 'Lot',
          items: [{ category: 'FOOD', description: 'Pâtes', quantityKg: 1, temperature: 'AMBIENT', dateKind: 'NONE' }],
          pickupFrom: new Date(Date.now() + 3_600_000).toISOString(),
          pickupUntil: new Date(Date.now() + 7_200_000).toISOString(),
        },
      }),
    },
    // Membership is checked once the offer is loaded (WithdrawOffer): unknown ids are NOT_FOUND for anyone
    // signed in; another organisation's offer is FORBIDDEN (offers.e2e-spec).
    withdrawOffer: { own: SIGNED_IN, variables: () => ({ id: randomUUID(), reason: 'Vendu' }) },
    register: {
      own: EVERYONE,
      variables: () => ({ input: { email: uniqueEmail('matrix'), password: 'correct horse battery staple', displayName: 'Matrix' } }),
    },
    login: { own: EVERYONE, variables: () => ({ input: { email: uniqueEmail('nobody'), password: 'not the password at all' } }) },
    refreshToken: { own: EVERYONE, variables: () => ({ token: 'not-a-refresh-token' }) },
    // The token is the proof; what an unverified account may do is covered by email-verification.e2e-spec.
    verifyEmail: { own: EVERYONE, variables: () => ({ token: 'not-a-verification-token' }) },
    resendVerificationEmail: { own: EVERYONE, variables: () => ({ email: uniqueEmail('resend') }) },
    logout: { own: SIGNED_IN, variables: () => ({ refreshToken: 'not-a-refresh-token' }) },
    sendHeartbeat: { own: PLATFORM_ADMIN, variables: () => ({ requestId: randomUUID() }) },
    createOrganization: { own: SIGNED_IN, variables: () => ({ input: { name: 'Matrix donor', kind: 'DONOR', legalId: siretFor(siretCounter++) } }) },
    verifyOrganization: { own: PLATFORM_ADMIN, other: PLATFORM_ADMIN, variables: (f, t) => ({ id: organizationOf(f, t) }) },
    addSite: {
      own: ['ADMIN'],
      other: NOBODY,
      variables: (f, t) => ({
        input: {
          organizationId: organizationOf(f, t),
          name: 'Dépôt',
          address: '1 place Bellecour, 69002 Lyon',
          location: { latitude: 45.7578, longitude: 4.832 },
        },
      }),
    },
    addMember: {
      own: ['ADMIN'],
      other: NOBODY,
      variables: (f, t) => ({ input: { organizationId: organizationOf(f, t), email: uniqueEmail('invitee'), role: 'DRIVER' } }),
    },
    setRecipientProfile: {
      own: ['ADMIN', 'STAFF'],
      other: NOBODY,
      variables: (f, t) => ({ input: { organizationId: organizationOf(f, t), acceptedCategories: ['FOOD'], capacities: [], serviceRadiusKm: 10 } }),
    },
    // Membership is checked once the offer is loaded (PublishOffer); an unknown id is NOT_FOUND for anyone
    // signed in. FORBIDDEN for another organisation's offer is covered by broadcast.e2e-spec.
    publishOffer: { own: SIGNED_IN, variables: () => ({ id: randomUUID() }) },
    // Those who claim for the recipient; organisation A is not verified, so allowed calls end in RECIPIENT_NOT_VERIFIED.
    // Real claims, eligibility and the DRIVER refusal on a real offer: claims.e2e-spec and claims.int-spec.
    claimOffer: {
      own: ['ADMIN', 'STAFF'],
      other: NOBODY,
      variables: (f, t) => ({ input: { offerId: randomUUID(), organizationId: organizationOf(f, t), idempotencyKey: `matrix-${randomUUID()}` } }),
    },
    // Membership is checked once the claim is loaded (CancelClaim): an unknown id is NOT_FOUND for anyone signed in;
    // someone else's claim is FORBIDDEN (claims.e2e-spec).
    cancelClaim: { own: SIGNED_IN, variables: () => ({ id: randomUUID() }) },
  },
  Subscription: {
    // Whoever may read the offer (GetOffers): an unknown one is NOT_FOUND; a draft of another organisation too (offers.e2e-spec).
    offerChanged: { own: SIGNED_IN, variables: () => ({ offerId: randomUUID() }) },
    // The recipient's own feed: those who can claim for it (broadcast.e2e-spec follows it end to end).
    offerMatched: { own: ['ADMIN', 'STAFF'], other: NOBODY, variables: (f, t) => ({ organizationId: organizationOf(f, t) }) },
    heartbeat: { own: PLATFORM_ADMIN, variables: () => ({ requestId: randomUUID() }) },
  },
};

type OperationKind = keyof typeof MATRIX;
const KINDS: readonly OperationKind[] = ['Query', 'Mutation', 'Subscription'];
const AUTH_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'EMAIL_NOT_VERIFIED']);

/** A document for any field: every argument as a variable of its declared type, `__typename` as the selection. */
function documentFor(kind: OperationKind, field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${kind.toLowerCase()} Matrix${definitions ? `(${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
}

/** What a subscription answers first over a real WebSocket; silence for `quietMs` means it was accepted. */
function firstAnswer(
  api: RunningApi,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown>,
  quietMs = 400,
): Promise<readonly GraphQLErrorBody[]> {
  const client = wsClient(api.wsUrl, token === undefined ? {} : { authorization: `Bearer ${token}` });
  return new Promise<readonly GraphQLErrorBody[]>((resolve) => {
    let settled = false;
    const settle = (errors: readonly GraphQLErrorBody[]): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      unsubscribe();
      void client.dispose();
      resolve(errors);
    };
    const timer = setTimeout(() => settle([]), quietMs);
    const unsubscribe = client.subscribe(
      { query, variables },
      {
        next: (result) => settle((result.errors ?? []) as unknown as GraphQLErrorBody[]),
        error: (error) => settle(Array.isArray(error) ? (error as GraphQLErrorBody[]) : [{ message: String(error), extensions: { code: 'SOCKET_ERROR' } }]),
        complete: () => undefined,
      },
    );
  });
}

describe('authorisation matrix: every operation × every caller × own or another organisation', () => {
  let services: TestServices;
  let api: RunningApi;
  let fixture: Fixture;
  let operations: Map<OperationKind, Map<string, GraphQLField<unknown, unknown>>>;

  beforeAll(async () => {
    services = await provideTestServices();
    api = await startApi(services.config);
    await api.app.get(DatabaseConnector).whenConnected();
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const rootOf = (kind: OperationKind): GraphQLObjectType | null | undefined =>
      kind === 'Query' ? schema.getQueryType() : kind === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    operations = new Map(KINDS.map((kind) => [kind, new Map(Object.entries(rootOf(kind)?.getFields() ?? {}))]));

    const CREATE = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
    const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { role } }`;
    const [admin, staff, driver, otherAdmin] = await Promise.all([registerUser(api), registerUser(api), registerUser(api), registerUser(api)]);
    const platformAdmin = await registerPlatformAdmin(api, services.dataSource);
    const own = await gqlOk<{ createOrganization: { id: string } }>(
      api,
      CREATE,
      { input: { name: 'Épicerie A', kind: 'RECIPIENT', legalId: 'W690000001' } },
      admin.accessToken,
    );
    const other = await gqlOk<{ createOrganization: { id: string } }>(
      api,
      CREATE,
      { input: { name: 'Boulangerie B', kind: 'DONOR', legalId: siretFor(4999) } },
      otherAdmin.accessToken,
    );
    await gqlOk(api, ADD_MEMBER, { input: { organizationId: own.createOrganization.id, email: staff.email, role: 'STAFF' } }, admin.accessToken);
    await gqlOk(api, ADD_MEMBER, { input: { organizationId: own.createOrganization.id, email: driver.email, role: 'DRIVER' } }, admin.accessToken);
    fixture = {
      own: { organizationId: own.createOrganization.id },
      other: { organizationId: other.createOrganization.id },
      users: { platformAdmin, ADMIN: admin, STAFF: staff, DRIVER: driver },
    };
  });

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

  describe.each(KINDS.flatMap((kind) => Object.keys(MATRIX[kind]).map((name) => [kind, name] as const)))('%s.%s', (kind, name) => {
    const rule = MATRIX[kind][name];
    const targets: readonly Target[] = rule.other === undefined ? ['own'] : ['own', 'other'];
    const cases = targets.flatMap((target) => ROLES.map((role) => [role, target] as const));

    it.each(cases)('as %s on %s data', async (role, target) => {
      const field = operations.get(kind)?.get(name);
      if (field === undefined) throw new Error(`${kind}.${name} is not in the schema`);
      const allowed = (target === 'own' ? rule.own : (rule.other ?? NOBODY)).includes(role);
      const token = role === 'anonymous' ? undefined : fixture.users[role].accessToken;
      const variables = rule.variables?.(fixture, target) ?? {};
      const document = documentFor(kind, field);
      const errors = kind === 'Subscription' ? await firstAnswer(api, token, document, variables) : ((await gql(api, document, variables, token)).errors ?? []);
      const codes = errors.map((error) => error.extensions?.code);
      const verdict = { operation: `${kind}.${name}`, role, target, codes };
      if (allowed) {
        expect(verdict).toEqual({ ...verdict, codes: codes.filter((code) => !AUTH_CODES.has(code)) });
      } else {
        expect(verdict).toEqual({ ...verdict, codes: [role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'] });
      }
    });
  });
});
