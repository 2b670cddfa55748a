import { randomBytes, randomUUID } from 'node:crypto';
import {
  parseDisplayName,
  type AcceptRun,
  type AddMember,
  type AddSite,
  type AddVehicle,
  type Clock,
  type ClaimOffer,
  type CreateOffer,
  type CreateOrganization,
  type CreatePlatformAdmin,
  type OrganizationRepository,
  type PasswordHasher,
  type PlanRuns,
  type PublishOffer,
  type RegisterUser,
  type SetDriverAvailability,
  type SetRecipientProfile,
  type UnitOfWork,
  type UserRepository,
  type VerifyOrganization,
} from '#application';
import { OrganizationKind, parseEmail, parseLegalId } from '#domain';
import { offerItems, pickupWindow } from './offers';
import { DEMO_PASSWORD } from './seed-plan';
import { planTodaysRuns } from './todays-runs';
import type { PlannedOrganization, PlannedPerson, SeedPlan } from './seed-plan.model';

/** The application's own use cases and ports: the seed obeys every rule an API caller does. */
export interface SeedServices {
  readonly createPlatformAdmin: CreatePlatformAdmin;
  readonly registerUser: RegisterUser;
  readonly createOrganization: CreateOrganization;
  readonly addSite: AddSite;
  readonly addMember: AddMember;
  readonly setRecipientProfile: SetRecipientProfile;
  readonly addVehicle: AddVehicle;
  readonly setDriverAvailability: SetDriverAvailability;
  readonly verifyOrganization: VerifyOrganization;
  readonly createOffer: CreateOffer;
  readonly publishOffer: PublishOffer;
  readonly claimOffer: ClaimOffer;
  readonly planRuns: PlanRuns;
  readonly acceptRun: AcceptRun;
  readonly users: UserRepository;
  readonly organizations: OrganizationRepository;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly unitOfWork: UnitOfWork;
}

export interface SeedCounts {
  readonly organizations: number;
  readonly donors: number;
  readonly recipients: number;
  readonly donorSites: number;
  readonly recipientSites: number;
  readonly recipientProfiles: number;
  readonly verifiedRecipients: number;
  readonly accounts: number;
  readonly memberships: number;
  readonly invitations: number;
  readonly vehicles: number;
  readonly driverAvailabilities: number;
  readonly offers: number;
  readonly publishedOffers: number;
  /** The demo épicerie's runs: for today (tomorrow when seeded late in the evening). */
  readonly runsDay: string;
  readonly claims: number;
  readonly runs: number;
  readonly driverRuns: number;
}

export type SeedOutcome =
  | { readonly status: 'seeded'; readonly counts: SeedCounts; readonly notes: readonly string[] }
  | { readonly status: 'already-seeded'; readonly notes: readonly string[] };

/**
 * Writes the plan through the use cases, in one transaction: a failure leaves nothing half-seeded,
 * and the next run starts again from scratch. A run that finds the demo chain's legal id already
 * registered does nothing (the seed is idempotent).
 */
export async function runSeed(services: SeedServices, plan: SeedPlan): Promise<SeedOutcome> {
  const marker = plan.organizations[0];
  if (marker === undefined) throw new Error('empty seed plan');
  if ((await services.organizations.findByLegalIds([parseLegalId(marker.legalId, marker.kind).value])).length > 0) {
    return { status: 'already-seeded', notes: [`"${marker.name}" (${marker.legalId}) is already registered: nothing written.`] };
  }
  return services.unitOfWork.run(() => new SeedWriter(services, plan).write());
}

class SeedWriter {
  private readonly notes: string[] = [];
  private accounts = 0;
  private memberships = 0;
  private invitations = 0;
  /** Accounts of the organisations' contacts get a hash of a secret nobody keeps: they exist, nobody can sign in as them. */
  private lockedHash: string | undefined;

  constructor(
    private readonly services: SeedServices,
    private readonly plan: SeedPlan,
  ) {}

  async write(): Promise<SeedOutcome> {
    const { services, plan } = this;
    const admin = await services.createPlatformAdmin.execute({
      email: plan.platformAdmin.email,
      password: DEMO_PASSWORD,
      displayName: plan.platformAdmin.displayName,
    });
    if (admin.outcome === 'created') this.accounts += 1;
    else this.notes.push(`${plan.platformAdmin.email} existed already (${admin.outcome}): its password was left as it was.`);

    const organizationIds: string[] = [];
    const creatorIds: string[] = [];
    const siteIds: string[][] = [];
    const counts = { donors: 0, recipients: 0, donorSites: 0, recipientSites: 0, recipientProfiles: 0, verifiedRecipients: 0 };
    for (const planned of plan.organizations) {
      const creatorId = plan.demoCreators.has(planned.creator.email) ? await this.demoUser(planned.creator) : await this.contactUser(planned.creator);
      const organization = await services.createOrganization.execute({
        creatorUserId: creatorId,
        kind: planned.kind,
        name: planned.name,
        legalId: planned.legalId,
        habilitationReference: planned.kind === OrganizationKind.RECIPIENT ? planned.habilitationReference : null,
      });
      this.memberships += 1;
      organizationIds.push(organization.id);
      creatorIds.push(creatorId);
      siteIds.push(await this.addSites(organization.id, planned));

      switch (planned.kind) {
        case OrganizationKind.DONOR:
          counts.donors += 1;
          counts.donorSites += planned.sites.length;
          // The demo's donors are established businesses the platform admin has checked: they publish.
          await services.verifyOrganization.execute({ organizationId: organization.id, verifiedBy: admin.user.id });
          break;
        case OrganizationKind.RECIPIENT:
          counts.recipients += 1;
          counts.recipientSites += planned.sites.length;
          await services.setRecipientProfile.execute({ organizationId: organization.id, ...planned.profile });
          counts.recipientProfiles += 1;
          if (planned.verified) {
            await services.verifyOrganization.execute({ organizationId: organization.id, verifiedBy: admin.user.id });
            counts.verifiedRecipients += 1;
          }
          break;
      }

      for (const invitation of planned.invitations) {
        const added = await services.addMember.execute({ organizationId: organization.id, email: invitation.email, role: invitation.role, addedBy: creatorId });
        if (added.kind === 'invitation') this.invitations += 1;
        else this.memberships += 1;
      }
    }

    // Staff and drivers of the demo organisations, added by their organisation's admin.
    const demoMemberIds = new Map<string, string>();
    for (const member of plan.demoMembers) {
      const organizationId = organizationIds[member.organizationIndex];
      const addedBy = creatorIds[member.organizationIndex];
      if (organizationId === undefined || addedBy === undefined)
        throw new Error(`demo member ${member.person.email}: no organisation #${member.organizationIndex}`);
      demoMemberIds.set(member.person.email, await this.demoUser(member.person));
      await services.addMember.execute({ organizationId, email: member.person.email, role: member.role, addedBy });
      this.memberships += 1;
    }

    // Recipients' vehicles, and the weekly hours their demo drivers declared.
    let vehicles = 0;
    let driverAvailabilities = 0;
    for (const fleet of plan.fleets) {
      const organizationId = organizationIds[fleet.organizationIndex];
      if (organizationId === undefined) throw new Error(`fleet: no organisation #${fleet.organizationIndex}`);
      for (const vehicle of fleet.vehicles) {
        await services.addVehicle.execute({ organizationId, ...vehicle });
        vehicles += 1;
      }
      for (const driver of fleet.drivers) {
        const driverUserId = demoMemberIds.get(driver.email);
        if (driverUserId === undefined) throw new Error(`fleet: ${driver.email} is not a demo member`);
        await services.setDriverAvailability.execute({ organizationId, driverUserId, weekly: driver.weekly });
        driverAvailabilities += 1;
      }
    }

    // Lots posted by the donors' admins, most of them published (the worker then broadcasts them).
    let offers = 0;
    let publishedOffers = 0;
    const now = services.clock.now();
    for (const planned of plan.offers) {
      const site = plan.organizations[planned.organizationIndex]?.sites[planned.siteIndex];
      const siteId = siteIds[planned.organizationIndex]?.[planned.siteIndex];
      const userId = creatorIds[planned.organizationIndex];
      if (site === undefined || siteId === undefined || userId === undefined) {
        throw new Error(`offer "${planned.title}": no site #${planned.siteIndex} of organisation #${planned.organizationIndex}`);
      }
      const actor = { userId, platformAdmin: false, emailVerified: true };
      const created = await services.createOffer.execute({
        actor,
        siteId,
        title: planned.title,
        items: offerItems(planned, now),
        ...pickupWindow(site.openingHours, now),
      });
      offers += 1;
      if (planned.publish) {
        await services.publishOffer.execute({ actor, offerId: created.offer.id });
        publishedOffers += 1;
      }
    }

    // Today's runs of the demo épicerie, with its demo driver on one of them.
    const recipientIndex = plan.demoMembers.find((member) => member.person.email === plan.runsDriverEmail)?.organizationIndex;
    const driverUserId = demoMemberIds.get(plan.runsDriverEmail);
    if (recipientIndex === undefined || driverUserId === undefined) throw new Error(`runs: ${plan.runsDriverEmail} is not a demo member`);
    const today = await planTodaysRuns(services, plan, { organizationIds, creatorIds, siteIds, recipientIndex, driverUserId }, now);

    return {
      status: 'seeded',
      counts: {
        organizations: counts.donors + counts.recipients,
        ...counts,
        accounts: this.accounts,
        memberships: this.memberships,
        invitations: this.invitations,
        vehicles,
        driverAvailabilities,
        offers,
        publishedOffers,
        runsDay: today.day,
        claims: today.claims,
        runs: today.runs,
        driverRuns: today.driverRuns,
      },
      notes: this.notes,
    };
  }

  private async addSites(organizationId: string, planned: PlannedOrganization): Promise<string[]> {
    const ids: string[] = [];
    for (const site of planned.sites) {
      const added = await this.services.addSite.execute({
        organizationId,
        name: site.name,
        address: site.address,
        location: { latitude: site.latitude, longitude: site.longitude },
        openingHours: site.openingHours,
        closures: site.closures,
        accessInstructions: site.accessInstructions,
      });
      ids.push(added.id);
    }
    return ids;
  }

  /**
   * A demo login registers like anyone (argon2id hash of the demo password) and its address counts
   * as verified, as if its person had clicked the e-mailed link (the worker then finds nothing to
   * send); one that exists already is kept.
   */
  private async demoUser(person: PlannedPerson): Promise<string> {
    const existing = await this.services.users.findByEmail(parseEmail(person.email));
    if (existing !== null) {
      this.notes.push(`${person.email} existed already: its password was left as it was.`);
      return existing.id;
    }
    const session = await this.services.registerUser.execute({ email: person.email, password: DEMO_PASSWORD, displayName: person.displayName });
    await this.services.users.markEmailVerified(session.user.id, this.services.clock.now());
    this.accounts += 1;
    return session.user.id;
  }

  /**
   * The contact who registered an organisation. Hashing a password for each of them would make the
   * seed slow for nothing: they share the hash of a random secret that is thrown away.
   */
  private async contactUser(person: PlannedPerson): Promise<string> {
    this.lockedHash ??= await this.services.hasher.hash(randomBytes(32).toString('base64url'));
    const id = randomUUID();
    await this.services.users.create({
      id,
      email: parseEmail(person.email),
      displayName: parseDisplayName(person.displayName),
      passwordHash: this.lockedHash,
      platformAdmin: false,
      emailVerifiedAt: this.services.clock.now(),
      createdAt: this.services.clock.now(),
    });
    this.accounts += 1;
    return id;
  }
}
