import { randomUUID } from 'node:crypto';
import {
  AcceptPendingInvitations,
  AddMember,
  AddSite,
  Authorizer,
  CreateOrganization,
  ListOrganizationMembers,
  SetRecipientProfile,
  SystemClock,
  VerifyOrganization,
  type UserAccount,
} from '#application';
import { DomainError, MemberRole, OrganizationKind, parseEmail, TemperatureClass } from '#domain';
import {
  TypeOrmInvitationRepository,
  TypeOrmMembershipRepository,
  TypeOrmOrganizationRepository,
  TypeOrmRecipientProfileRepository,
  TypeOrmSiteRepository,
  TypeOrmUserRepository,
  SqlUserDirectory,
} from '#persistence';
import { TypeOrmUnitOfWork } from '../../libs/persistence/src/transactions/typeorm-unit-of-work';
import { provideTestServices, type TestServices } from '../support/test-stack';
import { siretFor } from '../support/legal-ids';

describe('organisations, sites, members and profiles against the real PostgreSQL/PostGIS', () => {
  let services: TestServices;
  let users: TypeOrmUserRepository;
  let organizations: TypeOrmOrganizationRepository;
  let memberships: TypeOrmMembershipRepository;
  let invitations: TypeOrmInvitationRepository;
  let sites: TypeOrmSiteRepository;
  let profiles: TypeOrmRecipientProfileRepository;
  let createOrganization: CreateOrganization;
  const clock = new SystemClock();

  beforeAll(async () => {
    services = await provideTestServices();
    const ds = services.dataSource;
    users = new TypeOrmUserRepository(ds);
    organizations = new TypeOrmOrganizationRepository(ds);
    memberships = new TypeOrmMembershipRepository(ds);
    invitations = new TypeOrmInvitationRepository(ds);
    sites = new TypeOrmSiteRepository(ds);
    profiles = new TypeOrmRecipientProfileRepository(ds);
    createOrganization = new CreateOrganization(organizations, memberships, new TypeOrmUnitOfWork(ds));
  });

  afterAll(async () => {
    await services?.release();
  });

  async function aUser(email = `person-${randomUUID().slice(0, 8)}@example.fr`, options: { verified?: boolean } = {}): Promise<UserAccount> {
    const account: UserAccount = {
      id: randomUUID(),
      email: parseEmail(email),
      displayName: 'Marie Dupont',
      passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA',
      platformAdmin: false,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      createdAt: new Date(),
    };
    await users.create(account);
    return account;
  }

  async function count(table: string): Promise<number> {
    const rows: Array<{ n: string }> = await services.dataSource.query(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n);
  }

  async function rejection(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
    return error;
  }

  describe('creating an organisation', () => {
    it('normalises the legal id and makes the creator its ADMIN, in one go', async () => {
      const creator = await aUser();
      const siret = siretFor(1);
      const spaced = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
      const organization = await createOrganization.execute({
        creatorUserId: creator.id,
        kind: OrganizationKind.DONOR,
        name: '  Carrefour Market Lyon 3 ',
        legalId: spaced,
      });
      expect(organization).toMatchObject({ name: 'Carrefour Market Lyon 3', legalId: { kind: 'SIRET', value: siret }, verifiedAt: null });
      expect(await memberships.roleOf(creator.id, organization.id)).toBe(MemberRole.ADMIN);
      expect(await organizations.findById(organization.id)).toEqual(organization);
    });

    it('accepts an RNA for a recipient association', async () => {
      const creator = await aUser();
      const organization = await createOrganization.execute({
        creatorUserId: creator.id,
        kind: OrganizationKind.RECIPIENT,
        name: 'Les Restos du Quartier',
        legalId: 'w691234567',
        habilitationReference: 'HAB-69-2024-017',
      });
      expect(organization.legalId).toEqual({ kind: 'RNA', value: 'W691234567' });
      expect(organization.habilitationReference).toBe('HAB-69-2024-017');
    });

    it('lets a legal id held by unverified organisations be registered again, and refuses one a verified organisation holds, writing nothing', async () => {
      const [creator, squatter, admin] = [await aUser(), await aUser(), await aUser()];
      const first = await createOrganization.execute({ creatorUserId: squatter.id, kind: OrganizationKind.DONOR, name: 'First', legalId: siretFor(2) });
      // No squatting: the real business registers its number even though someone registered it first.
      const second = await createOrganization.execute({ creatorUserId: creator.id, kind: OrganizationKind.DONOR, name: 'Second', legalId: siretFor(2) });
      expect((await organizations.findByLegalIds([siretFor(2)])).map((o) => o.id)).toEqual([first.id, second.id]);

      await new VerifyOrganization(organizations, clock).execute({ organizationId: second.id, verifiedBy: admin.id });
      const before = [await count('organizations'), await count('memberships')];
      const error = await rejection(
        createOrganization.execute({ creatorUserId: squatter.id, kind: OrganizationKind.DONOR, name: 'Third', legalId: siretFor(2) }),
      );
      expect([error.code, error.field]).toEqual(['DUPLICATE_LEGAL_ID', 'legalId']);
      expect([await count('organizations'), await count('memberships')]).toEqual(before);
    });

    it('refuses to verify a second organisation with a verified legal id, writing nothing', async () => {
      const [a, b, admin] = [await aUser(), await aUser(), await aUser()];
      const real = await createOrganization.execute({ creatorUserId: a.id, kind: OrganizationKind.DONOR, name: 'Real', legalId: siretFor(3) });
      const copy = await createOrganization.execute({ creatorUserId: b.id, kind: OrganizationKind.DONOR, name: 'Copy', legalId: siretFor(3) });
      const verify = new VerifyOrganization(organizations, clock);
      await verify.execute({ organizationId: real.id, verifiedBy: admin.id });
      const error = await rejection(verify.execute({ organizationId: copy.id, verifiedBy: admin.id }));
      expect([error.code, error.field]).toEqual(['LEGAL_ID_ALREADY_VERIFIED', 'id']);
      expect((await organizations.findById(copy.id))?.verifiedAt).toBeNull();
    });

    it('lets exactly one of two simultaneous verifications of one legal id win, even when both passed the check', async () => {
      const [a, b, admin] = [await aUser(), await aUser(), await aUser()];
      const siret = siretFor(10);
      const one = await createOrganization.execute({ creatorUserId: a.id, kind: OrganizationKind.DONOR, name: 'One', legalId: siret });
      const other = await createOrganization.execute({ creatorUserId: b.id, kind: OrganizationKind.DONOR, name: 'Other', legalId: siret });
      // A barrier: neither verification goes on until both have checked that no verified organisation holds the number.
      let arrived = 0;
      let release: () => void = () => undefined;
      const bothChecked = new Promise<void>((resolve) => (release = resolve));
      const racing = Object.create(organizations) as TypeOrmOrganizationRepository;
      racing.existsVerifiedWithLegalId = async (legalId: string) => {
        const exists = await organizations.existsVerifiedWithLegalId(legalId);
        if (++arrived === 2) release();
        await bothChecked;
        return exists;
      };
      const verify = new VerifyOrganization(racing, clock);
      const results = await Promise.allSettled([
        verify.execute({ organizationId: one.id, verifiedBy: admin.id }),
        verify.execute({ organizationId: other.id, verifiedBy: admin.id }),
      ]);
      expect(arrived).toBe(2);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect([(failure?.reason as DomainError).code, (failure?.reason as DomainError).field]).toEqual(['LEGAL_ID_ALREADY_VERIFIED', 'id']);
      const verified = (await organizations.findByLegalIds([siret])).filter((o) => o.verifiedAt !== null);
      expect(verified).toHaveLength(1);
    });

    it('verifies once: a second verification keeps the first author and date', async () => {
      const creator = await aUser();
      const [admin1, admin2] = [await aUser(), await aUser()];
      const organization = await createOrganization.execute({
        creatorUserId: creator.id,
        kind: OrganizationKind.RECIPIENT,
        name: 'Épicerie solidaire',
        legalId: 'W691234999',
      });
      const verify = new VerifyOrganization(organizations, clock);
      const first = await verify.execute({ organizationId: organization.id, verifiedBy: admin1.id });
      const second = await verify.execute({ organizationId: organization.id, verifiedBy: admin2.id });
      expect(first.verifiedBy).toBe(admin1.id);
      expect(second).toEqual(first);
      expect((await rejection(verify.execute({ organizationId: randomUUID(), verifiedBy: admin1.id }))).code).toBe('NOT_FOUND');
      expect((await rejection(verify.execute({ organizationId: 'not-a-uuid', verifiedBy: admin1.id }))).code).toBe('NOT_FOUND');
    });
  });

  describe('sites', () => {
    it('stores the location as geography with a spatial index, hours and closures, and reads them back exactly', async () => {
      const creator = await aUser();
      const organization = await createOrganization.execute({
        creatorUserId: creator.id,
        kind: OrganizationKind.DONOR,
        name: 'Boulangerie',
        legalId: siretFor(4),
      });
      const site = await new AddSite(sites).execute({
        organizationId: organization.id,
        name: 'Fournil Part-Dieu',
        address: '17 rue du Docteur Bouchut\n69003 Lyon',
        location: { latitude: 45.760586, longitude: 4.859408 },
        openingHours: [
          {
            weekday: 1,
            intervals: [
              { start: '14:00', end: '18:00' },
              { start: '07:00', end: '12:00' },
            ],
          },
          { weekday: 6, intervals: [{ start: '07:00', end: '13:00' }] },
        ],
        closures: [{ from: '2026-08-01', to: '2026-08-21' }],
        accessInstructions: 'Quai de livraison côté rue Servient, sonner au 2.',
      });
      const [read] = await sites.listByOrganizationIds([organization.id]);
      expect(read?.location.toJSON()).toEqual({ latitude: 45.760586, longitude: 4.859408 });
      expect(read?.openingHours.toInput()).toEqual([
        {
          weekday: 1,
          intervals: [
            { start: '07:00', end: '12:00' },
            { start: '14:00', end: '18:00' },
          ],
        },
        { weekday: 6, intervals: [{ start: '07:00', end: '13:00' }] },
      ]);
      expect(read?.closures).toEqual([{ from: '2026-08-01', to: '2026-08-21' }]);
      expect(read).toMatchObject({
        id: site.id,
        address: '17 rue du Docteur Bouchut\n69003 Lyon',
        accessInstructions: 'Quai de livraison côté rue Servient, sonner au 2.',
      });

      const near: Array<{ id: string; km: number }> = await services.dataSource.query(
        `SELECT id, glane_distance_km(location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography) AS km
           FROM sites WHERE glane_within_km(location, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, 5)`,
        [4.835659, 45.764043], // Place Bellecour, about 2 km away
      );
      expect(near.map((row) => row.id)).toEqual([site.id]);
      expect(near[0]?.km).toBeGreaterThan(1.5);
      expect(near[0]?.km).toBeLessThan(2.5);
      const indexes: Array<{ indexdef: string }> = await services.dataSource.query("SELECT indexdef FROM pg_indexes WHERE indexname = 'sites_location_gix'");
      expect(indexes[0]?.indexdef).toMatch(/USING gist \(location\)/);
    });

    it('refuses a latitude out of range before writing anything', async () => {
      const before = await count('sites');
      const error = await rejection(
        new AddSite(sites).execute({ organizationId: randomUUID(), name: 'X', address: 'Y', location: { latitude: 91, longitude: 2 } }),
      );
      expect([error.code, error.field]).toEqual(['INVALID_LATITUDE', 'location.latitude']);
      expect(await count('sites')).toBe(before);
    });
  });

  describe('members and invitations', () => {
    it('adds an existing account at once, and refuses to add it twice', async () => {
      const admin = await aUser();
      const driver = await aUser('Driver.One@Example.fr');
      const organization = await createOrganization.execute({
        creatorUserId: admin.id,
        kind: OrganizationKind.RECIPIENT,
        name: 'Banque alimentaire',
        legalId: siretFor(5),
      });
      const addMember = new AddMember(new SqlUserDirectory(services.dataSource), memberships, invitations);
      const added = await addMember.execute({ organizationId: organization.id, email: ' driver.one@example.FR ', role: MemberRole.DRIVER, addedBy: admin.id });
      expect(added).toMatchObject({ kind: 'membership', membership: { userId: driver.id, role: 'DRIVER' } });
      const again = await rejection(
        addMember.execute({ organizationId: organization.id, email: 'driver.one@example.fr', role: MemberRole.STAFF, addedBy: admin.id }),
      );
      expect([again.code, again.field]).toEqual(['ALREADY_MEMBER', 'email']);
      expect(await memberships.roleOf(driver.id, organization.id)).toBe('DRIVER');
    });

    it('invites an unknown email, updates the role when invited again, and turns it into a membership on registration', async () => {
      const admin = await aUser();
      const first = await createOrganization.execute({ creatorUserId: admin.id, kind: OrganizationKind.RECIPIENT, name: 'Asso 1', legalId: 'W691110001' });
      const second = await createOrganization.execute({ creatorUserId: admin.id, kind: OrganizationKind.DONOR, name: 'Donor 2', legalId: siretFor(6) });
      const addMember = new AddMember(new SqlUserDirectory(services.dataSource), memberships, invitations);
      const email = `newcomer-${randomUUID().slice(0, 6)}@example.fr`;
      const invited = await addMember.execute({ organizationId: first.id, email, role: MemberRole.DRIVER, addedBy: admin.id });
      expect(invited).toMatchObject({ kind: 'invitation', invitation: { role: 'DRIVER', acceptedAt: null } });
      await addMember.execute({ organizationId: first.id, email: email.toUpperCase(), role: MemberRole.STAFF, addedBy: admin.id });
      await addMember.execute({ organizationId: second.id, email, role: MemberRole.DRIVER, addedBy: admin.id });
      const pending: Array<{ n: string }> = await services.dataSource.query('SELECT count(*) AS n FROM invitations WHERE email = $1 AND accepted_at IS NULL', [
        email,
      ]);
      expect(Number(pending[0]?.n)).toBe(2);

      // Whoever registers the address first gets nothing until they prove they own it.
      const newcomer = await aUser(email, { verified: false });
      const readded = await addMember.execute({ organizationId: first.id, email, role: MemberRole.STAFF, addedBy: admin.id });
      expect(readded).toMatchObject({ kind: 'invitation' });
      const accept = new AcceptPendingInvitations(invitations, clock);
      expect(await rejection(accept.execute(newcomer))).toMatchObject({ code: 'EMAIL_NOT_VERIFIED', field: 'email' });
      // The statement that accepts checks the account again: asked directly, it accepts nothing.
      expect(await invitations.acceptAllFor(newcomer.id, newcomer.email, clock.now())).toEqual([]);
      expect(await memberships.roleOf(newcomer.id, first.id)).toBeUndefined();
      const stillPending: Array<{ n: string }> = await services.dataSource.query(
        'SELECT count(*) AS n FROM invitations WHERE email = $1 AND accepted_at IS NULL',
        [email],
      );
      expect(Number(stillPending[0]?.n)).toBe(2);

      await users.markEmailVerified(newcomer.id, clock.now());
      const verified = { ...newcomer, emailVerifiedAt: clock.now() };
      const created = await accept.execute(verified);
      expect(created.map((m) => [m.organizationId, m.role]).sort()).toEqual(
        [
          [first.id, 'STAFF'],
          [second.id, 'DRIVER'],
        ].sort(),
      );
      expect(await accept.execute(verified)).toEqual([]);
      expect(await memberships.roleOf(newcomer.id, first.id)).toBe('STAFF');
    });

    it('pages the members of an organisation with a stable cursor', async () => {
      const admin = await aUser();
      const organization = await createOrganization.execute({ creatorUserId: admin.id, kind: OrganizationKind.DONOR, name: 'Chain', legalId: siretFor(7) });
      const addMember = new AddMember(new SqlUserDirectory(services.dataSource), memberships, invitations);
      for (let i = 0; i < 4; i += 1) {
        const user = await aUser();
        await addMember.execute({ organizationId: organization.id, email: user.email, role: MemberRole.STAFF, addedBy: admin.id });
      }
      const list = new ListOrganizationMembers(memberships);
      const page1 = await list.execute({ organizationId: organization.id, first: 2 });
      const page2 = await list.execute({ organizationId: organization.id, first: 2, after: page1.pageInfo.endCursor });
      const page3 = await list.execute({ organizationId: organization.id, first: 2, after: page2.pageInfo.endCursor });
      expect([page1.edges.length, page2.edges.length, page3.edges.length]).toEqual([2, 2, 1]);
      expect([page1.pageInfo.hasNextPage, page2.pageInfo.hasNextPage, page3.pageInfo.hasNextPage]).toEqual([true, true, false]);
      const ids = [...page1.edges, ...page2.edges, ...page3.edges].map((edge) => edge.node.userId);
      expect(new Set(ids).size).toBe(5);
      expect(page1.edges[0]?.node).toMatchObject({ userId: admin.id, role: 'ADMIN', displayName: 'Marie Dupont' });
      expect((await rejection(list.execute({ organizationId: organization.id, after: 'garbage' }))).code).toBe('INVALID_CURSOR');
      expect((await rejection(list.execute({ organizationId: organization.id, first: 0 }))).code).toBe('INVALID_PAGE_SIZE');
    });

    it('answers the membership rule for members, outsiders, unknown and malformed ids alike', async () => {
      const [admin, outsider] = [await aUser(), await aUser()];
      const organization = await createOrganization.execute({ creatorUserId: admin.id, kind: OrganizationKind.DONOR, name: 'Rule', legalId: siretFor(8) });
      const authorizer = new Authorizer(memberships);
      const asActor = (userId: string) => ({ userId, platformAdmin: false, emailVerified: true });
      await expect(authorizer.assertActsFor(asActor(admin.id), organization.id, [MemberRole.ADMIN])).resolves.toBe('ADMIN');
      expect(await authorizer.roleFor(asActor(admin.id), organization.id, [MemberRole.STAFF])).toBeUndefined();
      for (const [actor, organizationId] of [
        [asActor(outsider.id), organization.id],
        [asActor(admin.id), randomUUID()],
        [asActor(admin.id), 'x'],
        [{ userId: outsider.id, platformAdmin: true, emailVerified: true }, organization.id],
      ] as const) {
        expect((await rejection(authorizer.assertActsFor(actor, organizationId, [MemberRole.ADMIN, MemberRole.STAFF, MemberRole.DRIVER]))).code).toBe(
          'FORBIDDEN',
        );
      }
      expect((await rejection(authorizer.assertActsFor(undefined, organization.id, [MemberRole.ADMIN]))).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('recipient profiles', () => {
    it('stores a profile, replaces it, and reads it back as the domain value', async () => {
      const admin = await aUser();
      const organization = await createOrganization.execute({
        creatorUserId: admin.id,
        kind: OrganizationKind.RECIPIENT,
        name: 'Épicerie',
        legalId: 'W691110002',
      });
      const setProfile = new SetRecipientProfile(organizations, profiles, clock);
      await setProfile.execute({
        organizationId: organization.id,
        acceptedCategories: ['food.dairy', 'NON_FOOD.HYGIENE'],
        capacities: [{ temperature: TemperatureClass.CHILLED, kg: 120.5 }],
        serviceRadiusKm: 15,
        peoplePerWeek: 340,
      });
      await setProfile.execute({
        organizationId: organization.id,
        acceptedCategories: ['FOOD'],
        capacities: [
          { temperature: TemperatureClass.AMBIENT, kg: 800 },
          { temperature: TemperatureClass.FROZEN, kg: 40 },
        ],
        serviceRadiusKm: 25.5,
        dlcMarginHours: 24,
        redistributesFaster: true,
      });
      const profile = (await profiles.findByOrganizationIds([organization.id])).get(organization.id);
      expect(profile?.acceptedCategories).toEqual(['FOOD']);
      expect(profile?.capacities).toEqual([
        { temperature: 'AMBIENT', kg: 800 },
        { temperature: 'CHILLED', kg: 0 },
        { temperature: 'FROZEN', kg: 40 },
      ]);
      expect(profile).toMatchObject({ serviceRadiusKm: 25.5, dlcMarginHours: 24, redistributesFaster: true, peoplePerWeek: 0 });
    });

    it('refuses a profile for a donor, and writes nothing for bad input', async () => {
      const admin = await aUser();
      const donor = await createOrganization.execute({ creatorUserId: admin.id, kind: OrganizationKind.DONOR, name: 'Donor', legalId: siretFor(9) });
      const setProfile = new SetRecipientProfile(organizations, profiles, clock);
      const valid = { acceptedCategories: ['FOOD'], capacities: [], serviceRadiusKm: 10 };
      const notRecipient = await rejection(setProfile.execute({ organizationId: donor.id, ...valid }));
      expect([notRecipient.code, notRecipient.field]).toEqual(['NOT_A_RECIPIENT', 'organizationId']);
      const before = await count('recipient_profiles');
      const negative = await rejection(
        setProfile.execute({ organizationId: donor.id, ...valid, capacities: [{ temperature: TemperatureClass.CHILLED, kg: -1 }] }),
      );
      expect([negative.code, negative.field]).toEqual(['NEGATIVE_CAPACITY', 'capacities.0.kg']);
      expect(await count('recipient_profiles')).toBe(before);
    });
  });
});
