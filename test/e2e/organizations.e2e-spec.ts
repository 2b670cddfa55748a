import { CATEGORY_TAXONOMY } from '#domain';
import { DatabaseConnector } from '#persistence';
import {
  gql,
  gqlOk,
  registerPlatformAdmin,
  registerUser,
  TEST_PASSWORD,
  uniqueEmail,
  type GraphQLBody,
  type GraphQLErrorBody,
  type TestUser,
} from '../support/graphql-http';
import { siretFor } from '../support/legal-ids';
import { provideTestServices, startApi, type RunningApi, type TestServices } from '../support/test-stack';

const CREATE_ORGANIZATION = `mutation ($input: CreateOrganizationInput!) {
  createOrganization(input: $input) { id name kind legalId verified verifiedAt habilitationReference }
}`;
const VERIFY = `mutation ($id: ID!) { verifyOrganization(id: $id) { id verified verifiedAt } }`;
const ADD_SITE = `mutation ($input: AddSiteInput!) {
  addSite(input: $input) {
    id name address location { latitude longitude } accessInstructions
    openingHours { weekday intervals { start end } } closures { from to }
  }
}`;
const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { role pending organization { id name } } }`;
const SET_PROFILE = `mutation ($input: RecipientProfileInput!) {
  setRecipientProfile(input: $input) {
    acceptedCategories capacities { temperature kg } serviceRadiusKm dlcMarginHours redistributesFaster peoplePerWeek
  }
}`;
const ORGANIZATION = `query ($id: ID!) {
  organization(id: $id) {
    id name kind legalId verified habilitationReference
    sites { id name address location { latitude longitude } openingHours { weekday } accessInstructions }
    recipientProfile { acceptedCategories capacities { temperature kg } serviceRadiusKm }
    members { edges { node { userId email role } } pageInfo { hasNextPage endCursor } }
  }
}`;
const MY_MEMBERSHIPS = `{ me { id memberships { role pending organization { id name kind } } } }`;

interface Organization {
  id: string;
  name: string;
  kind: string;
  legalId: string;
  verified: boolean;
  verifiedAt: string | null;
  habilitationReference: string | null;
}

interface OrganizationView extends Organization {
  sites: Array<{
    id: string;
    name: string;
    address: string;
    location: { latitude: number; longitude: number };
    openingHours: Array<{ weekday: number }>;
    accessInstructions: string | null;
  }>;
  recipientProfile: { acceptedCategories: string[]; capacities: Array<{ temperature: string; kg: number }>; serviceRadiusKm: number } | null;
  members: { edges: Array<{ node: { userId: string; email: string; role: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null;
}

function onlyError(body: GraphQLBody): GraphQLErrorBody {
  expect(body.errors).toHaveLength(1);
  return body.errors![0];
}

function codeAndField(body: GraphQLBody): [string, string | undefined] {
  const error = onlyError(body);
  return [error.extensions.code, error.extensions.field];
}

const LYON_SITE = {
  name: 'Entrepôt Gerland',
  address: '8 rue de Gerland\n69007 Lyon',
  location: { latitude: 45.7304, longitude: 4.8337 },
  openingHours: [
    {
      weekday: 2,
      intervals: [
        { start: '09:00', end: '12:00' },
        { start: '14:00', end: '17:30' },
      ],
    },
    { weekday: 4, intervals: [{ start: '09:00', end: '12:00' }] },
  ],
  closures: [{ from: '2026-08-03', to: '2026-08-23' }],
  accessInstructions: 'Portail bleu, sonner à « Réception ». Quai 2.',
};

const PROFILE = {
  acceptedCategories: ['FOOD.DAIRY', 'FOOD.DRY', 'NON_FOOD.HYGIENE'],
  capacities: [
    { temperature: 'AMBIENT', kg: 900 },
    { temperature: 'CHILLED', kg: 150.5 },
  ],
  serviceRadiusKm: 20,
  peoplePerWeek: 420,
};

describe('organisations, sites, members, recipient profiles and categories, end to end over GraphQL', () => {
  let services: TestServices;
  let api: RunningApi;
  let platformAdmin: TestUser;
  let legalIdCounter = 1000;
  const nextSiret = (): string => siretFor(legalIdCounter++);

  beforeAll(async () => {
    services = await provideTestServices();
    api = await startApi(services.config);
    // The API connects to PostgreSQL in the background (it starts even when the database is down).
    await api.app.get(DatabaseConnector).whenConnected();
    platformAdmin = await registerPlatformAdmin(api, services.dataSource);
  });

  afterAll(async () => {
    await api?.app.close();
    await services?.release();
  });

  async function count(table: string): Promise<number> {
    const rows: Array<{ n: string }> = await services.dataSource.query(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n);
  }

  async function createOrganization(
    owner: TestUser,
    input: Partial<{ name: string; kind: string; legalId: string; habilitationReference: string }> = {},
  ): Promise<Organization> {
    const { createOrganization: created } = await gqlOk<{ createOrganization: Organization }>(
      api,
      CREATE_ORGANIZATION,
      { input: { name: 'Épicerie solidaire de la Guillotière', kind: 'RECIPIENT', legalId: nextSiret(), ...input } },
      owner.accessToken,
    );
    return created;
  }

  async function addMember(admin: TestUser, organizationId: string, member: TestUser, role: string): Promise<void> {
    await gqlOk(api, ADD_MEMBER, { input: { organizationId, email: member.email, role } }, admin.accessToken);
  }

  describe('createOrganization', () => {
    it('registers the organisation, unverified, with the creator as its ADMIN', async () => {
      const owner = await registerUser(api);
      const created = await createOrganization(owner, {
        name: '  Banque alimentaire du Rhône ',
        kind: 'RECIPIENT',
        legalId: 'w691234567',
        habilitationReference: 'HAB-RA-2024-112',
      });
      expect(created).toMatchObject({
        name: 'Banque alimentaire du Rhône',
        kind: 'RECIPIENT',
        legalId: 'W691234567',
        verified: false,
        verifiedAt: null,
        habilitationReference: 'HAB-RA-2024-112',
      });
      const { me } = await gqlOk<{ me: { memberships: Array<{ role: string; pending: boolean; organization: { id: string; name: string } }> } }>(
        api,
        MY_MEMBERSHIPS,
        {},
        owner.accessToken,
      );
      expect(me.memberships).toEqual([
        { role: 'ADMIN', pending: false, organization: { id: created.id, name: 'Banque alimentaire du Rhône', kind: 'RECIPIENT' } },
      ]);
    });

    it('gives the memberships of the person signing in with the login payload (no token yet)', async () => {
      const owner = await registerUser(api);
      const created = await createOrganization(owner, { name: 'Le Panier Solidaire' });
      const { login } = await gqlOk<{ login: { user: { memberships: Array<{ role: string; organization: { id: string } }> } } }>(
        api,
        'mutation ($input: LoginInput!) { login(input: $input) { user { memberships { role organization { id } } } } }',
        { input: { email: owner.email, password: TEST_PASSWORD } },
      );
      expect(login.user.memberships).toEqual([{ role: 'ADMIN', organization: { id: created.id } }]);
    });

    it('accepts a SIRET typed with spaces, and stores its 14 digits', async () => {
      const owner = await registerUser(api);
      const siret = nextSiret();
      const created = await createOrganization(owner, {
        kind: 'DONOR',
        legalId: `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`,
      });
      expect(created.legalId).toBe(siret);
    });

    it.each([
      ['a SIRET failing the Luhn check', 'DONOR', '73282932000075', 'INVALID_SIRET'],
      ['a SIRET passing Luhn whose SIREN does not', 'DONOR', '12345678000014', 'INVALID_SIRET'],
      ['a SIRET of 13 digits', 'DONOR', '7328293200007', 'INVALID_SIRET'],
      ['an RNA with 8 digits', 'RECIPIENT', 'W69123456', 'INVALID_RNA'],
      ['an RNA for a donor business', 'DONOR', 'W691234567', 'INVALID_LEGAL_ID'],
    ])('refuses %s with a code and the field legalId, writing nothing', async (_label, kind, legalId, code) => {
      const owner = await registerUser(api);
      const before = [await count('organizations'), await count('memberships')];
      const body = await gql(api, CREATE_ORGANIZATION, { input: { name: 'X', kind, legalId } }, owner.accessToken);
      expect(codeAndField(body)).toEqual([code, 'legalId']);
      expect([await count('organizations'), await count('memberships')]).toEqual(before);
    });

    it('lets a SIRET held by an unverified organisation be registered again, shows the holders to the platform admin only, and lets only one be verified', async () => {
      const [squatter, owner, third] = [await registerUser(api), await registerUser(api), await registerUser(api)];
      const siret = nextSiret();
      const squatted = await createOrganization(squatter, { kind: 'DONOR', name: 'Squat', legalId: siret });
      // No squatting, and no oracle: the business registers its own number even though someone took it first.
      const real = await createOrganization(owner, { kind: 'DONOR', name: 'Boulangerie Martin', legalId: siret });

      const SAME = `query ($id: ID!) { organization(id: $id) { id sameLegalIdOrganizations { id name verified } } }`;
      const asAdmin = await gqlOk<{ organization: { sameLegalIdOrganizations: unknown } }>(api, SAME, { id: real.id }, platformAdmin.accessToken);
      expect(asAdmin.organization.sameLegalIdOrganizations).toEqual([{ id: squatted.id, name: 'Squat', verified: false }]);
      const asOwner = await gqlOk<{ organization: { sameLegalIdOrganizations: unknown } }>(api, SAME, { id: real.id }, owner.accessToken);
      expect(asOwner.organization.sameLegalIdOrganizations).toBeNull();

      await gqlOk(api, VERIFY, { id: real.id }, platformAdmin.accessToken);
      const before = [await count('organizations'), await count('memberships')];
      const body = await gql(api, CREATE_ORGANIZATION, { input: { name: 'Copycat', kind: 'DONOR', legalId: siret } }, third.accessToken);
      expect(codeAndField(body)).toEqual(['DUPLICATE_LEGAL_ID', 'legalId']);
      expect(onlyError(body).message).toMatch(/already registered/);
      const second = await gql(api, VERIFY, { id: squatted.id }, platformAdmin.accessToken);
      expect(codeAndField(second)).toEqual(['LEGAL_ID_ALREADY_VERIFIED', 'id']);
      expect([await count('organizations'), await count('memberships')]).toEqual(before);
      const squattedNow = await gqlOk<{ organization: { verified: boolean } }>(api, ORGANIZATION, { id: squatted.id }, platformAdmin.accessToken);
      expect(squattedNow.organization.verified).toBe(false);
    });

    it('refuses a blank name and an unknown kind', async () => {
      const owner = await registerUser(api);
      expect(codeAndField(await gql(api, CREATE_ORGANIZATION, { input: { name: '  ', kind: 'DONOR', legalId: nextSiret() } }, owner.accessToken))).toEqual([
        'INVALID_ORGANIZATION_NAME',
        'name',
      ]);
      expect(
        onlyError(await gql(api, CREATE_ORGANIZATION, { input: { name: 'X', kind: 'CHARITY', legalId: nextSiret() } }, owner.accessToken)).extensions.code,
      ).toBe('BAD_USER_INPUT');
    });

    it('needs a signed-in caller', async () => {
      expect(codeAndField(await gql(api, CREATE_ORGANIZATION, { input: { name: 'X', kind: 'DONOR', legalId: nextSiret() } }))[0]).toBe('UNAUTHENTICATED');
    });
  });

  describe('verifyOrganization', () => {
    it('lets a platform admin verify a recipient, once; nobody else', async () => {
      const owner = await registerUser(api);
      const organization = await createOrganization(owner);
      expect(codeAndField(await gql(api, VERIFY, { id: organization.id }, owner.accessToken))[0]).toBe('FORBIDDEN');
      const { verifyOrganization: verified } = await gqlOk<{ verifyOrganization: Organization }>(
        api,
        VERIFY,
        { id: organization.id },
        platformAdmin.accessToken,
      );
      expect(verified.verified).toBe(true);
      expect(Date.parse(verified.verifiedAt!)).toBeGreaterThan(Date.now() - 60_000);
      const { verifyOrganization: again } = await gqlOk<{ verifyOrganization: Organization }>(api, VERIFY, { id: organization.id }, platformAdmin.accessToken);
      expect(again.verifiedAt).toBe(verified.verifiedAt);
    });

    it('answers NOT_FOUND to a platform admin for an unknown organisation', async () => {
      expect(codeAndField(await gql(api, VERIFY, { id: '00000000-0000-4000-8000-000000000000' }, platformAdmin.accessToken))[0]).toBe('NOT_FOUND');
    });
  });

  describe('addSite', () => {
    it('adds a site with its location, hours, closures and access instructions', async () => {
      const owner = await registerUser(api);
      const organization = await createOrganization(owner);
      const { addSite } = await gqlOk<{ addSite: Record<string, unknown> }>(
        api,
        ADD_SITE,
        { input: { organizationId: organization.id, ...LYON_SITE } },
        owner.accessToken,
      );
      expect(addSite).toMatchObject({
        name: LYON_SITE.name,
        address: LYON_SITE.address,
        location: LYON_SITE.location,
        openingHours: LYON_SITE.openingHours,
        closures: LYON_SITE.closures,
        accessInstructions: LYON_SITE.accessInstructions,
      });
      const rows: Array<{ lat: number; lon: number; srid: number }> = await services.dataSource.query(
        'SELECT ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lon, ST_SRID(location) AS srid FROM sites WHERE id = $1',
        [addSite['id']],
      );
      expect(rows[0]).toEqual({ lat: 45.7304, lon: 4.8337, srid: 4326 });
    });

    it.each([
      ['a latitude over 90', { location: { latitude: 90.5, longitude: 4.8 } }, 'INVALID_LATITUDE', 'location.latitude'],
      ['a latitude under -90', { location: { latitude: -91, longitude: 4.8 } }, 'INVALID_LATITUDE', 'location.latitude'],
      ['a longitude over 180', { location: { latitude: 45.7, longitude: 180.01 } }, 'INVALID_LONGITUDE', 'location.longitude'],
      [
        'opening hours that end before they start',
        { openingHours: [{ weekday: 1, intervals: [{ start: '18:00', end: '09:00' }] }] },
        'OPENING_HOURS_END_BEFORE_START',
        'openingHours.0.intervals.0.end',
      ],
      [
        'overlapping opening hours',
        {
          openingHours: [
            {
              weekday: 3,
              intervals: [
                { start: '09:00', end: '12:00' },
                { start: '11:00', end: '13:00' },
              ],
            },
          ],
        },
        'OPENING_HOURS_OVERLAP',
        'openingHours.0.intervals.1',
      ],
      ['a weekday 8', { openingHours: [{ weekday: 8, intervals: [] }] }, 'INVALID_WEEKDAY', 'openingHours.0.weekday'],
      [
        'a time of day 25:00',
        { openingHours: [{ weekday: 1, intervals: [{ start: '08:00', end: '25:00' }] }] },
        'INVALID_TIME_OF_DAY',
        'openingHours.0.intervals.0.end',
      ],
      ['a closure ending before it starts', { closures: [{ from: '2026-08-20', to: '2026-08-01' }] }, 'CLOSURE_END_BEFORE_START', 'closures.0.to'],
      ['a closure day that does not exist', { closures: [{ from: '2026-02-30', to: '2026-03-01' }] }, 'INVALID_DATE', 'closures.0.from'],
      ['a blank name', { name: ' ' }, 'INVALID_SITE_NAME', 'name'],
      ['a blank address', { address: '' }, 'INVALID_ADDRESS', 'address'],
    ])('refuses %s with a code and the field, writing nothing', async (_label, change, code, field) => {
      const owner = await registerUser(api);
      const organization = await createOrganization(owner);
      const before = await count('sites');
      const body = await gql(api, ADD_SITE, { input: { organizationId: organization.id, ...LYON_SITE, ...change } }, owner.accessToken);
      expect(codeAndField(body)).toEqual([code, field]);
      expect(await count('sites')).toBe(before);
    });

    it("is for the organisation's admins: staff, drivers, outsiders and unknown organisations are refused alike", async () => {
      const [owner, staff, driver, outsider] = [await registerUser(api), await registerUser(api), await registerUser(api), await registerUser(api)];
      const organization = await createOrganization(owner);
      await createOrganization(outsider);
      await addMember(owner, organization.id, staff, 'STAFF');
      await addMember(owner, organization.id, driver, 'DRIVER');
      for (const [caller, organizationId] of [
        [staff, organization.id],
        [driver, organization.id],
        [outsider, organization.id],
        [owner, '00000000-0000-4000-8000-000000000000'],
        [owner, 'not-an-id'],
        [platformAdmin, organization.id],
      ] as const) {
        expect(codeAndField(await gql(api, ADD_SITE, { input: { organizationId, ...LYON_SITE } }, caller.accessToken))[0]).toBe('FORBIDDEN');
      }
      expect(codeAndField(await gql(api, ADD_SITE, { input: { organizationId: organization.id, ...LYON_SITE } }))[0]).toBe('UNAUTHENTICATED');
    });
  });

  describe('addMember', () => {
    it('adds a person who has an account at once, with the role given', async () => {
      const [owner, driver] = [await registerUser(api), await registerUser(api)];
      const organization = await createOrganization(owner, { name: 'Restos du Cœur Lyon 7' });
      const { addMember: added } = await gqlOk<{ addMember: unknown }>(
        api,
        ADD_MEMBER,
        { input: { organizationId: organization.id, email: driver.email.toUpperCase(), role: 'DRIVER' } },
        owner.accessToken,
      );
      expect(added).toEqual({ role: 'DRIVER', pending: false, organization: { id: organization.id, name: 'Restos du Cœur Lyon 7' } });
      const { me } = await gqlOk<{ me: { memberships: unknown[] } }>(api, MY_MEMBERSHIPS, {}, driver.accessToken);
      // Only the organisation's admins learn whether an address had an account.
      expect(me.memberships).toEqual([
        { role: 'DRIVER', pending: null, organization: { id: organization.id, name: 'Restos du Cœur Lyon 7', kind: 'RECIPIENT' } },
      ]);
      const again = await gql(api, ADD_MEMBER, { input: { organizationId: organization.id, email: driver.email, role: 'STAFF' } }, owner.accessToken);
      expect(codeAndField(again)).toEqual(['ALREADY_MEMBER', 'email']);
    });

    it('invites an email without an account; registering with it and verifying it makes the person a member', async () => {
      const owner = await registerUser(api);
      const organization = await createOrganization(owner);
      const email = uniqueEmail('volunteer');
      const { addMember: invited } = await gqlOk<{ addMember: { pending: boolean; role: string } }>(
        api,
        ADD_MEMBER,
        { input: { organizationId: organization.id, email, role: 'STAFF' } },
        owner.accessToken,
      );
      expect(invited).toMatchObject({ pending: true, role: 'STAFF' });
      const newcomer = await registerUser(api, email);
      const { me } = await gqlOk<{ me: { memberships: Array<{ role: string; organization: { id: string } }> } }>(api, MY_MEMBERSHIPS, {}, newcomer.accessToken);
      expect(me.memberships).toEqual([{ role: 'STAFF', pending: null, organization: { id: organization.id, name: organization.name, kind: 'RECIPIENT' } }]);
      // The new member acts for the organisation at once (staff may set the recipient profile).
      await gqlOk(api, SET_PROFILE, { input: { organizationId: organization.id, ...PROFILE } }, newcomer.accessToken);
    });

    it('tells whether an address had an account to the organisation’s ADMINs only', async () => {
      const [owner, staff, otherOwner] = [await registerUser(api), await registerUser(api), await registerUser(api)];
      const organization = await createOrganization(owner);
      const other = await createOrganization(otherOwner);
      await gqlOk(api, ADD_MEMBER, { input: { organizationId: organization.id, email: staff.email, role: 'STAFF' } }, owner.accessToken);
      // The admin who invites reads it (allowed: data, no error), for its own organisation.
      const invite = await gql<{ addMember: { pending: boolean | null } }>(
        api,
        ADD_MEMBER,
        { input: { organizationId: organization.id, email: uniqueEmail('nobody'), role: 'STAFF' } },
        owner.accessToken,
      );
      expect(invite.errors).toBeUndefined();
      expect(invite.data?.addMember.pending).toBe(true);
      const ownerView = await gqlOk<{ me: { memberships: Array<{ pending: boolean | null; organization: { id: string } }> } }>(
        api,
        MY_MEMBERSHIPS,
        {},
        owner.accessToken,
      );
      expect(ownerView.me.memberships.map((membership) => [membership.organization.id, membership.pending])).toEqual([[organization.id, false]]);
      // A STAFF member reads null; the ADMIN of another organisation cannot invite here at all.
      const staffView = await gqlOk<{ me: { memberships: Array<{ pending: boolean | null }> } }>(api, MY_MEMBERSHIPS, {}, staff.accessToken);
      expect(staffView.me.memberships.map((membership) => membership.pending)).toEqual([null]);
      const outsider = await gql(
        api,
        ADD_MEMBER,
        { input: { organizationId: organization.id, email: uniqueEmail('probe'), role: 'STAFF' } },
        otherOwner.accessToken,
      );
      expect(codeAndField(outsider)[0]).toBe('FORBIDDEN');
      expect(other.id).not.toBe(organization.id);
    });

    it('refuses a role that does not exist with a GraphQL enum error, and an invalid email with INVALID_EMAIL', async () => {
      const owner = await registerUser(api);
      const organization = await createOrganization(owner);
      const before = [await count('memberships'), await count('invitations')];
      const asVariable = await gql(api, ADD_MEMBER, { input: { organizationId: organization.id, email: uniqueEmail('x'), role: 'BOSS' } }, owner.accessToken);
      expect(onlyError(asVariable).extensions.code).toBe('BAD_USER_INPUT');
      expect(onlyError(asVariable).message).toMatch(/MemberRole/);
      const inline = await gql(
        api,
        `mutation { addMember(input: { organizationId: "${organization.id}", email: "a@example.fr", role: BOSS }) { role } }`,
        {},
        owner.accessToken,
      );
      expect(onlyError(inline).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const badEmail = await gql(api, ADD_MEMBER, { input: { organizationId: organization.id, email: 'not an email', role: 'STAFF' } }, owner.accessToken);
      expect(codeAndField(badEmail)).toEqual(['INVALID_EMAIL', 'email']);
      expect([await count('memberships'), await count('invitations')]).toEqual(before);
    });

    it("is for the organisation's admins only", async () => {
      const [owner, staff, stranger] = [await registerUser(api), await registerUser(api), await registerUser(api)];
      const organization = await createOrganization(owner);
      await addMember(owner, organization.id, staff, 'STAFF');
      for (const caller of [staff, stranger, platformAdmin]) {
        const body = await gql(api, ADD_MEMBER, { input: { organizationId: organization.id, email: caller.email, role: 'ADMIN' } }, caller.accessToken);
        expect(codeAndField(body)[0]).toBe('FORBIDDEN');
      }
    });
  });

  describe('setRecipientProfile', () => {
    it('declares what a recipient takes, unverified or not, and replaces it on the next call', async () => {
      const owner = await registerUser(api);
      const organization = await createOrganization(owner);
      const { setRecipientProfile: first } = await gqlOk<{ setRecipientProfile: unknown }>(
        api,
        SET_PROFILE,
        { input: { organizationId: organization.id, ...PROFILE } },
        owner.accessToken,
      );
      expect(first).toEqual({
        acceptedCategories: ['FOOD.DAIRY', 'FOOD.DRY', 'NON_FOOD.HYGIENE'],
        capacities: [
          { temperature: 'AMBIENT', kg: 900 },
          { temperature: 'CHILLED', kg: 150.5 },
          { temperature: 'FROZEN', kg: 0 },
        ],
        serviceRadiusKm: 20,
        dlcMarginHours: 48,
        redistributesFaster: false,
        peoplePerWeek: 420,
      });
      const { setRecipientProfile: second } = await gqlOk<{ setRecipientProfile: { dlcMarginHours: number; acceptedCategories: string[] } }>(
        api,
        SET_PROFILE,
        { input: { organizationId: organization.id, ...PROFILE, acceptedCategories: ['food'], dlcMarginHours: 12, redistributesFaster: true } },
        owner.accessToken,
      );
      expect(second).toMatchObject({ acceptedCategories: ['FOOD'], dlcMarginHours: 12 });
      const { organization: view } = await gqlOk<{ organization: OrganizationView }>(api, ORGANIZATION, { id: organization.id }, owner.accessToken);
      expect(view.recipientProfile?.acceptedCategories).toEqual(['FOOD']);
    });

    it.each([
      ['a radius of 0', { serviceRadiusKm: 0 }, 'INVALID_RADIUS', 'serviceRadiusKm'],
      ['a negative radius', { serviceRadiusKm: -5 }, 'INVALID_RADIUS', 'serviceRadiusKm'],
      ['a radius over 300 km', { serviceRadiusKm: 300.5 }, 'INVALID_RADIUS', 'serviceRadiusKm'],
      [
        'a negative capacity',
        {
          capacities: [
            { temperature: 'AMBIENT', kg: 10 },
            { temperature: 'FROZEN', kg: -1 },
          ],
        },
        'NEGATIVE_CAPACITY',
        'capacities.1.kg',
      ],
      ['an unknown category code', { acceptedCategories: ['FOOD.DAIRY', 'FOOD.CAVIAR'] }, 'UNKNOWN_CATEGORY', 'acceptedCategories.1'],
      ['no category', { acceptedCategories: [] }, 'NO_ACCEPTED_CATEGORIES', 'acceptedCategories'],
      [
        'a temperature class twice',
        {
          capacities: [
            { temperature: 'CHILLED', kg: 1 },
            { temperature: 'CHILLED', kg: 2 },
          ],
        },
        'DUPLICATE_CAPACITY',
        'capacities.1.temperature',
      ],
      ['a DLC margin under 48 h without redistributing faster', { dlcMarginHours: 24 }, 'DLC_MARGIN_TOO_SHORT', 'dlcMarginHours'],
      ['a negative number of people', { peoplePerWeek: -3 }, 'INVALID_PEOPLE_PER_WEEK', 'peoplePerWeek'],
    ])('refuses %s with a code and the field, leaving the stored profile as it was', async (_label, change, code, field) => {
      const owner = await registerUser(api);
      const organization = await createOrganization(owner);
      await gqlOk(api, SET_PROFILE, { input: { organizationId: organization.id, ...PROFILE } }, owner.accessToken);
      const before: unknown[] = await services.dataSource.query('SELECT * FROM recipient_profiles WHERE organization_id = $1', [organization.id]);
      const body = await gql(api, SET_PROFILE, { input: { organizationId: organization.id, ...PROFILE, ...change } }, owner.accessToken);
      expect(codeAndField(body)).toEqual([code, field]);
      expect(await services.dataSource.query('SELECT * FROM recipient_profiles WHERE organization_id = $1', [organization.id])).toEqual(before);
    });

    it('is for recipients only, and for their admins and staff, not drivers', async () => {
      const [owner, driver] = [await registerUser(api), await registerUser(api)];
      const donor = await createOrganization(owner, { kind: 'DONOR' });
      expect(codeAndField(await gql(api, SET_PROFILE, { input: { organizationId: donor.id, ...PROFILE } }, owner.accessToken))).toEqual([
        'NOT_A_RECIPIENT',
        'organizationId',
      ]);
      const recipient = await createOrganization(owner);
      await addMember(owner, recipient.id, driver, 'DRIVER');
      expect(codeAndField(await gql(api, SET_PROFILE, { input: { organizationId: recipient.id, ...PROFILE } }, driver.accessToken))[0]).toBe('FORBIDDEN');
    });
  });

  describe('organization(id): what each caller may read', () => {
    let owner: TestUser;
    let staff: TestUser;
    let driver: TestUser;
    let outsider: TestUser;
    let recipient: Organization;

    beforeAll(async () => {
      [owner, staff, driver, outsider] = [await registerUser(api), await registerUser(api), await registerUser(api), await registerUser(api)];
      recipient = await createOrganization(owner, { habilitationReference: 'HAB-69-001' });
      await createOrganization(outsider, { kind: 'DONOR' });
      await addMember(owner, recipient.id, staff, 'STAFF');
      await addMember(owner, recipient.id, driver, 'DRIVER');
      await gqlOk(api, ADD_SITE, { input: { organizationId: recipient.id, ...LYON_SITE } }, owner.accessToken);
      await gqlOk(api, SET_PROFILE, { input: { organizationId: recipient.id, ...PROFILE } }, owner.accessToken);
    });

    async function view(caller: TestUser): Promise<OrganizationView> {
      return (await gqlOk<{ organization: OrganizationView }>(api, ORGANIZATION, { id: recipient.id }, caller.accessToken)).organization;
    }

    it('shows an outsider only the public fields: no profile, members, habilitation or access instructions', async () => {
      const seen = await view(outsider);
      expect(seen).toMatchObject({
        id: recipient.id,
        name: recipient.name,
        kind: 'RECIPIENT',
        verified: false,
        habilitationReference: null,
        recipientProfile: null,
        members: null,
      });
      expect(seen.sites).toEqual([
        expect.objectContaining({ name: LYON_SITE.name, address: LYON_SITE.address, location: LYON_SITE.location, accessInstructions: null }),
      ]);
    });

    it('shows admins and staff everything, and the platform admin too', async () => {
      for (const caller of [owner, staff, platformAdmin]) {
        const seen = await view(caller);
        expect(seen.habilitationReference).toBe('HAB-69-001');
        expect(seen.recipientProfile).toMatchObject({ serviceRadiusKm: 20 });
        expect(seen.members?.edges.map((edge) => [edge.node.email, edge.node.role])).toEqual([
          [owner.email, 'ADMIN'],
          [staff.email, 'STAFF'],
          [driver.email, 'DRIVER'],
        ]);
        expect(seen.sites[0]?.accessInstructions).toBe(LYON_SITE.accessInstructions);
      }
    });

    it('shows a driver the sites with their access instructions, but not capacities or members', async () => {
      const seen = await view(driver);
      expect(seen.sites[0]?.accessInstructions).toBe(LYON_SITE.accessInstructions);
      expect(seen).toMatchObject({ recipientProfile: null, members: null, habilitationReference: null });
    });

    it('pages members with a cursor', async () => {
      const query = `query ($id: ID!, $after: String) { organization(id: $id) { members(first: 2, after: $after) { edges { node { role } } pageInfo { hasNextPage endCursor } } } }`;
      type Page = { organization: { members: { edges: Array<{ node: { role: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } } };
      const first = await gqlOk<Page>(api, query, { id: recipient.id }, owner.accessToken);
      const second = await gqlOk<Page>(api, query, { id: recipient.id, after: first.organization.members.pageInfo.endCursor }, owner.accessToken);
      expect(first.organization.members.edges.map((edge) => edge.node.role)).toEqual(['ADMIN', 'STAFF']);
      expect(first.organization.members.pageInfo.hasNextPage).toBe(true);
      expect(second.organization.members.edges.map((edge) => edge.node.role)).toEqual(['DRIVER']);
      expect(second.organization.members.pageInfo.hasNextPage).toBe(false);
      const bad = await gql(api, query, { id: recipient.id, after: 'bogus' }, owner.accessToken);
      expect(codeAndField(bad)).toEqual(['INVALID_CURSOR', 'after']);
    });

    it("does not show another person's memberships in organisations the caller is not part of", async () => {
      const [shared, lonely] = [await registerUser(api), await registerUser(api)];
      const sharedOrganization = await createOrganization(shared);
      await createOrganization(shared, { kind: 'DONOR', name: 'Private side business' });
      await addMember(shared, sharedOrganization.id, lonely, 'STAFF');
      const query = `query ($id: ID!) { organization(id: $id) { members { edges { node { userId } } } } }`;
      expect(
        (await gqlOk<{ organization: { members: { edges: unknown[] } } }>(api, query, { id: sharedOrganization.id }, lonely.accessToken)).organization.members
          .edges,
      ).toHaveLength(2);
    });

    it('answers null for an unknown or malformed id, and needs a signed-in caller', async () => {
      expect(await gqlOk(api, ORGANIZATION, { id: '00000000-0000-4000-8000-000000000000' }, outsider.accessToken)).toEqual({ organization: null });
      expect(await gqlOk(api, ORGANIZATION, { id: 'nope' }, outsider.accessToken)).toEqual({ organization: null });
      expect(codeAndField(await gql(api, ORGANIZATION, { id: recipient.id }))[0]).toBe('UNAUTHENTICATED');
    });
  });

  describe('categories', () => {
    it("lists the whole taxonomy to anyone, parents first, in the caller's language", async () => {
      const english = await gqlOk<{ categories: Array<{ code: string; label: string; parentCode: string | null }> }>(
        api,
        '{ categories { code label parentCode } }',
      );
      expect(english.categories).toHaveLength(CATEGORY_TAXONOMY.length);
      expect(english.categories[0]).toEqual({ code: 'FOOD', label: 'Food', parentCode: null });
      expect(english.categories).toContainEqual({ code: 'NON_FOOD.HYGIENE', label: 'Hygiene', parentCode: 'NON_FOOD' });
      const codes = english.categories.map((category) => category.code);
      for (const category of english.categories) {
        if (category.parentCode !== null) expect(codes.indexOf(category.parentCode)).toBeLessThan(codes.indexOf(category.code));
      }
      const french = await gql<{ categories: Array<{ code: string; label: string }> }>(api, '{ categories { code label } }', {}, undefined, 'fr-FR');
      expect(french.data?.categories[0]).toEqual({ code: 'FOOD', label: 'Alimentaire' });
    });
  });
});
