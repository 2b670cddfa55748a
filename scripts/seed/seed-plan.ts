import { MemberRole } from '#domain';
import { DEMO_DONOR_CHAIN, planDonors } from './donors';
import { LegalIdFactory } from './legal-ids';
import { planOffers } from './offers';
import { People } from './people';
import { Places } from './places';
import { Prng } from './prng';
import { DEMO_RECIPIENT, DEMO_UNVERIFIED_RECIPIENT, planRecipients } from './recipients';
import type { DemoLogin, PlannedDemoMember, PlannedOrganization, PlannedPerson, SeedPlan } from './seed-plan.model';
import { DEPARTEMENT, type Town } from './towns';

/** Changing it changes every name, place and number of the demo. */
const SEED = 20_161_962; // décret 2016-1962, the 48-hour DLC rule

/** One password for every demo login, long enough for the password policy; printed at the end of the seed. */
export const DEMO_PASSWORD = 'Glane-Demo-2026';

export const DEMO_PEOPLE = {
  platformAdmin: { email: 'admin@glane.demo', displayName: 'Administratrice Glane' },
  donorAdmin: { email: 'donateur.admin@glane.demo', displayName: 'Sophie Castaing' },
  donorStaff: { email: 'donateur.equipe@glane.demo', displayName: 'Julien Lafargue' },
  recipientAdmin: { email: 'association.admin@glane.demo', displayName: 'Amina Benali' },
  driver: { email: 'chauffeur@glane.demo', displayName: 'Karim Haddad' },
  unverifiedRecipientAdmin: { email: 'association.attente@glane.demo', displayName: 'Claire Dupuy' },
} as const satisfies Record<string, PlannedPerson>;

/**
 * The whole demo as data, before anything is written: the same towns and the same year always give
 * the same plan. `year` only dates the closures (holidays of this year and the next).
 */
export function buildSeedPlan(towns: readonly Town[], year: number): SeedPlan {
  if (towns.length === 0) throw new Error(`no town found for département ${DEPARTEMENT.code}: are the open-data packages installed?`);
  const random = new Prng(SEED);
  const context = {
    random,
    places: new Places(towns),
    people: new People(random),
    legalIds: new LegalIdFactory(random),
    years: [year, year + 1],
  };
  const donors = planDonors(context, DEMO_PEOPLE.donorAdmin);
  const recipients = planRecipients(context, { admin: DEMO_PEOPLE.recipientAdmin, unverifiedAdmin: DEMO_PEOPLE.unverifiedRecipientAdmin });
  const organizations: PlannedOrganization[] = [...donors, ...recipients];

  const indexOf = (name: string): number => {
    const index = organizations.findIndex((organization) => organization.name === name);
    if (index === -1) throw new Error(`the plan lost its demo organisation ${name}`);
    return index;
  };
  const demoMembers: PlannedDemoMember[] = [
    { person: DEMO_PEOPLE.donorStaff, organizationIndex: indexOf(DEMO_DONOR_CHAIN), role: MemberRole.STAFF },
    { person: DEMO_PEOPLE.driver, organizationIndex: indexOf(DEMO_RECIPIENT), role: MemberRole.DRIVER },
  ];
  const logins: DemoLogin[] = [
    { ...DEMO_PEOPLE.platformAdmin, role: 'platform admin (verifies recipients)', organization: null },
    { ...DEMO_PEOPLE.donorAdmin, role: `donor ADMIN (chain, ${countSites(organizations, DEMO_DONOR_CHAIN)} shops)`, organization: DEMO_DONOR_CHAIN },
    { ...DEMO_PEOPLE.donorStaff, role: 'donor STAFF', organization: DEMO_DONOR_CHAIN },
    { ...DEMO_PEOPLE.recipientAdmin, role: 'recipient ADMIN (verified)', organization: DEMO_RECIPIENT },
    { ...DEMO_PEOPLE.driver, role: 'DRIVER', organization: DEMO_RECIPIENT },
    { ...DEMO_PEOPLE.unverifiedRecipientAdmin, role: 'recipient ADMIN (not verified: cannot claim)', organization: DEMO_UNVERIFIED_RECIPIENT },
  ];

  return {
    departement: DEPARTEMENT,
    platformAdmin: DEMO_PEOPLE.platformAdmin,
    demoCreators: new Set([DEMO_PEOPLE.donorAdmin.email, DEMO_PEOPLE.recipientAdmin.email, DEMO_PEOPLE.unverifiedRecipientAdmin.email]),
    demoMembers,
    organizations,
    logins,
    fleets: [
      {
        organizationIndex: indexOf(DEMO_RECIPIENT),
        vehicles: [
          { name: 'Berlingo des bénévoles', capacityKg: 450, refrigerated: false, insulatedBoxes: 3, insulatedBoxMaxMinutes: 90 },
          { name: 'Camion frigorifique', capacityKg: 1200, refrigerated: true, insulatedBoxes: 0 },
        ],
        drivers: [
          {
            email: DEMO_PEOPLE.driver.email,
            // A volunteer with a day job: two evenings and Saturday morning, like associations' rotas.
            weekly: [
              { weekday: 2, intervals: [{ start: '17:30', end: '20:30' }] },
              { weekday: 4, intervals: [{ start: '17:30', end: '20:30' }] },
              { weekday: 6, intervals: [{ start: '08:00', end: '13:00' }] },
            ],
          },
        ],
      },
    ],
    runsDriverEmail: DEMO_PEOPLE.driver.email,
    offers: planOffers(organizations),
  };
}

function countSites(organizations: readonly PlannedOrganization[], name: string): number {
  return organizations.find((organization) => organization.name === name)?.sites.length ?? 0;
}
