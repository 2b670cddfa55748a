import { MemberRole, OrganizationKind, TemperatureClass, type CapacityInput, type RecipientProfileInput } from '#domain';
import {
  associationClosures,
  associationHours,
  ccasClosures,
  ccasHours,
  epicerieClosures,
  epicerieHours,
  foodBankClosures,
  foodBankHours,
  mealServiceHours,
} from './hours';
import { ASSOCIATION_NAME_PATTERNS, EPICERIE_NAMES, MEAL_SERVICE_NAMES, ofTown, uniqueNames } from './names';
import type { PlanContext } from './plan-context';
import { siteAt, streetAddress, zoneAddress, type Locality } from './places';
import { RecipientType, type PlannedInvitation, type PlannedPerson, type PlannedRecipient, type PlannedSite } from './seed-plan.model';

/** The verified association whose admin and driver are demo logins. */
export const DEMO_RECIPIENT = 'Épicerie solidaire L’Escale';
/** A recipient still waiting for its habilitation check, to show that it cannot claim yet. */
export const DEMO_UNVERIFIED_RECIPIENT = 'Les Paniers de Cenon';

const COUNTS = { foodBanks: 1, ccas: 8, epiceries: 12, mealServices: 10, associations: 29 } as const;
/** Recently registered recipients a platform admin has not checked yet (the demo one included). */
const UNVERIFIED = 7;

const { AMBIENT, CHILLED, FROZEN } = TemperatureClass;

export interface DemoRecipientPeople {
  readonly admin: PlannedPerson;
  readonly unverifiedAdmin: PlannedPerson;
}

/** 60 recipients: a food bank, CCAS, épiceries solidaires, meal services and volunteer associations. */
export function planRecipients(context: PlanContext, demo: DemoRecipientPeople): PlannedRecipient[] {
  const { random, places, legalIds } = context;
  const recipients: PlannedRecipient[] = [];
  const unique = uniqueNames();

  // The food bank: a warehouse by the port and a branch in the Libournais; it serves partner structures.
  const foodBank = 'Banque alimentaire Garonne-Estuaire';
  const foodBankSites = [
    { label: 'entrepôt', locality: places.locality(places.town('Bassens'), random) },
    { label: 'antenne du Libournais', locality: places.locality(places.town('Libourne'), random) },
  ].map(({ label, locality }) =>
    siteAt(context.random, `${foodBank} — ${label}`, locality, {
      address: zoneAddress(locality.town, random),
      openingHours: foodBankHours(),
      closures: foodBankClosures(context.years),
      accessInstructions: 'Quais 1 à 4 pour les dons (le quai 4 a un sas froid). Se garer devant le bureau logistique et présenter le bon de ramasse.',
    }),
  );
  recipients.push(
    recipient(context, RecipientType.FOOD_BANK, foodBank, foodBankSites, {
      legalId: legalIds.siret(),
      habilitationReference: 'HAB-NAT-2022-0107 (réseau national des banques alimentaires)',
      profile: {
        acceptedCategories: ['FOOD', 'NON_FOOD'],
        capacities: [
          { temperature: AMBIENT, kg: 25_000 },
          { temperature: CHILLED, kg: 6_000 },
          { temperature: FROZEN, kg: 4_000 },
        ],
        serviceRadiusKm: 40,
        peoplePerWeek: 6_500,
      },
      invitations: [
        { email: `chauffeur.tournee1@${context.people.domainFor(foodBank)}`, role: MemberRole.DRIVER },
        { email: `chauffeur.tournee2@${context.people.domainFor(foodBank)}`, role: MemberRole.DRIVER },
      ],
    }),
  );

  // CCAS of the larger towns: public bodies (SIREN 26…), habilitated by law.
  const ccasTowns = places.pickDistinct(random, COUNTS.ccas, (l) => (l.town.population >= 10_000 && l.label === l.town.name ? l.population : 0));
  for (const locality of ccasTowns) {
    const name = unique(() => `CCAS ${ofTown(locality.town.name)}`);
    recipients.push(
      recipient(
        context,
        RecipientType.CCAS,
        name,
        [
          siteAt(context.random, `${name} — épicerie sociale`, locality, {
            address: streetAddress(locality.town, random),
            openingHours: ccasHours(),
            closures: ccasClosures(context.years),
            accessInstructions: 'Entrée de service à droite de l’accueil du CCAS. Déposer les denrées en réserve, signer le registre des dons.',
          }),
        ],
        {
          legalId: legalIds.siret('2633'),
          habilitationReference: 'CCAS — habilitation de droit (CASF art. L266-2)',
          profile: {
            acceptedCategories: ['FOOD.DRY', 'FOOD.FRUIT_VEG', 'FOOD.DAIRY', 'FOOD.EGGS', 'FOOD.BABY', 'NON_FOOD.HYGIENE', 'NON_FOOD.BABY'],
            capacities: [
              { temperature: AMBIENT, kg: random.step(200, 600, 50) },
              { temperature: CHILLED, kg: random.step(60, 200, 20) },
            ],
            serviceRadiusKm: random.int(5, 15),
            dlcMarginHours: random.pick([48, 48, 72]),
            peoplePerWeek: random.step(80, 300, 10),
          },
        },
      ),
    );
  }

  // Épiceries solidaires: the widest range, a fridge, often a freezer.
  for (let n = 0; n < COUNTS.epiceries; n += 1) {
    const isDemo = n === 0;
    const locality = isDemo ? bordeauxQuarter(context, 'Bastide') : places.pick(random);
    const name = unique(() => (isDemo ? DEMO_RECIPIENT : `Épicerie solidaire ${EPICERIE_NAMES[n] ?? random.pick(EPICERIE_NAMES)}`));
    const capacities: CapacityInput[] = [
      { temperature: AMBIENT, kg: random.step(300, 900, 50) },
      { temperature: CHILLED, kg: random.step(100, 300, 20) },
    ];
    if (isDemo || random.chance(0.7)) capacities.push({ temperature: FROZEN, kg: random.step(30, 120, 10) });
    recipients.push(
      recipient(
        context,
        RecipientType.EPICERIE_SOLIDAIRE,
        name,
        withStockroom(
          isDemo,
          siteAt(context.random, name, locality, {
            address: streetAddress(locality.town, random),
            openingHours: epicerieHours(random),
            closures: epicerieClosures(random, context.years),
            accessInstructions: `Livraisons par la porte de service, ${random.pick(['rue de derrière', 'dans la cour', 'à gauche de la vitrine'])}. Code du portail ${random.int(1000, 9999)}. Chambre froide au fond à droite.`,
          }),
        ),
        {
          legalId: random.chance(0.6) ? legalIds.rna() : legalIds.siret(),
          habilitationReference: regionalHabilitation(context),
          creator: isDemo ? demo.admin : undefined,
          profile: {
            acceptedCategories: random.chance(0.5)
              ? ['FOOD', 'NON_FOOD.HYGIENE', 'NON_FOOD.HOUSEHOLD', 'NON_FOOD.BABY']
              : ['FOOD', 'NON_FOOD.HYGIENE', 'NON_FOOD.HOUSEHOLD'],
            capacities,
            serviceRadiusKm: random.int(8, 20),
            dlcMarginHours: random.pick([48, 48, 72]),
            peoplePerWeek: random.step(100, 450, 10),
          },
          invitations: isDemo ? [{ email: `benevole.samedi@${context.people.domainFor(name)}`, role: MemberRole.STAFF }] : [],
        },
      ),
    );
  }

  // Meal services hand food out within hours: they declare it and accept a shorter DLC margin.
  for (let n = 0; n < COUNTS.mealServices; n += 1) {
    const locality = places.pick(random, (l) => (l.town.population >= 15_000 ? l.population : 0));
    const name = unique(() => MEAL_SERVICE_NAMES[n] ?? random.pick(MEAL_SERVICE_NAMES));
    const capacities: CapacityInput[] = [
      { temperature: AMBIENT, kg: random.step(80, 250, 10) },
      { temperature: CHILLED, kg: random.step(60, 200, 10) },
    ];
    if (random.chance(0.4)) capacities.push({ temperature: FROZEN, kg: random.step(20, 60, 10) });
    recipients.push(
      recipient(
        context,
        RecipientType.MEAL_SERVICE,
        name,
        [
          siteAt(context.random, name, locality, {
            address: streetAddress(locality.town, random),
            openingHours: mealServiceHours(),
            closures: [],
            accessInstructions: 'Cuisine au sous-sol, accès par la rampe. Prévenir le cuisinier par téléphone 15 minutes avant d’arriver.',
          }),
        ],
        {
          legalId: legalIds.rna(),
          habilitationReference: regionalHabilitation(context),
          profile: {
            acceptedCategories: ['FOOD.READY_MEALS', 'FOOD.FRUIT_VEG', 'FOOD.BAKERY', 'FOOD.DAIRY', 'FOOD.MEAT', 'FOOD.EGGS', 'FOOD.DRY.PASTA_RICE'],
            capacities,
            serviceRadiusKm: random.int(5, 12),
            redistributesFaster: true,
            dlcMarginHours: random.pick([12, 24, 24]),
            peoplePerWeek: random.step(150, 700, 10),
          },
        },
      ),
    );
  }

  // Volunteer associations handing out parcels: ambient only, or a small fridge.
  for (let n = 0; n < COUNTS.associations; n += 1) {
    const isDemo = n === 0;
    const locality = isDemo ? places.locality(places.town('Cenon'), random) : places.pick(random, (l) => Math.sqrt(l.population) * 40);
    const name = unique(() => (isDemo ? DEMO_UNVERIFIED_RECIPIENT : random.pick(ASSOCIATION_NAME_PATTERNS)(locality.label)));
    const withFridge = isDemo || random.chance(0.6);
    const capacities: CapacityInput[] = [{ temperature: AMBIENT, kg: random.step(100, 400, 10) }];
    if (withFridge) capacities.push({ temperature: CHILLED, kg: random.step(20, 60, 5) });
    const categories = ['FOOD.DRY', 'FOOD.BAKERY', 'FOOD.FRUIT_VEG', 'FOOD.BEVERAGES', 'NON_FOOD.HYGIENE'];
    if (withFridge) categories.push('FOOD.DAIRY', 'FOOD.EGGS');
    const hasRna = random.chance(0.85);
    recipients.push(
      recipient(
        context,
        RecipientType.ASSOCIATION,
        name,
        [
          siteAt(context.random, name, locality, {
            address: streetAddress(locality.town, random),
            openingHours: associationHours(random),
            closures: associationClosures(random, context.years),
            accessInstructions: `Local au rez-de-chaussée, ${random.pick(['porte verte à droite de la mairie annexe', 'derrière la salle des fêtes', 'sous le préau de l’ancienne école', 'au fond du parking de la paroisse'])}. Appeler le ou la bénévole de permanence en arrivant.`,
          }),
        ],
        {
          legalId: hasRna ? legalIds.rna() : legalIds.siret(),
          habilitationReference: isDemo || random.chance(0.9) ? regionalHabilitation(context) : null,
          creator: isDemo ? demo.unverifiedAdmin : undefined,
          profile: {
            acceptedCategories: categories,
            capacities,
            serviceRadiusKm: random.int(5, 25),
            dlcMarginHours: random.pick([48, 48, 48, 72]),
            peoplePerWeek: random.step(30, 250, 5),
          },
        },
      ),
    );
  }

  return withUnverified(context, recipients);
}

/** A few recently registered recipients are not verified yet; the demo recipient always is, the demo unverified one never. */
function withUnverified(context: PlanContext, recipients: PlannedRecipient[]): PlannedRecipient[] {
  const candidates = recipients.filter(
    (r) =>
      r.name !== DEMO_RECIPIENT &&
      r.name !== DEMO_UNVERIFIED_RECIPIENT &&
      (r.type === RecipientType.ASSOCIATION || r.type === RecipientType.EPICERIE_SOLIDAIRE || r.type === RecipientType.MEAL_SERVICE),
  );
  const pending = new Set(
    context.random
      .shuffle(candidates)
      .slice(0, UNVERIFIED - 1)
      .map((r) => r.name),
  );
  pending.add(DEMO_UNVERIFIED_RECIPIENT);
  return recipients.map((r) => ({ ...r, verified: !pending.has(r.name) }));
}

function bordeauxQuarter(context: PlanContext, quarter: string): Locality {
  const bordeaux = context.places.town('Bordeaux');
  return context.places.localities.find((l) => l.label === `${bordeaux.name} ${quarter}`) ?? context.places.locality(bordeaux, context.random);
}

/** Invented references in the shape of a prefect's habilitation order for Nouvelle-Aquitaine. */
function regionalHabilitation(context: PlanContext): string {
  const year = context.random.int(2019, 2025);
  return `HAB-NA-${year}-${String(context.random.int(1, 240)).padStart(3, '0')}`;
}

function recipient(
  context: PlanContext,
  type: RecipientType,
  name: string,
  sites: readonly PlannedSite[],
  details: {
    legalId: string;
    habilitationReference: string | null;
    profile: RecipientProfileInput;
    creator?: PlannedPerson | undefined;
    invitations?: readonly PlannedInvitation[];
  },
): PlannedRecipient {
  return {
    kind: OrganizationKind.RECIPIENT,
    type,
    name,
    legalId: details.legalId,
    habilitationReference: details.habilitationReference,
    creator: details.creator ?? context.people.personAt(context.people.domainFor(name)),
    sites,
    invitations: details.invitations ?? [],
    profile: details.profile,
    verified: true,
  };
}

/**
 * The demo épicerie also has a stockroom its volunteers open every day from 06:00 to 23:00, so that
 * whenever the demo is seeded its drivers have runs that day (scripts/seed/todays-runs.ts). Placed
 * next to the shop without drawing on the random stream, so every other name and place of the demo
 * stays as it was.
 */
function withStockroom(isDemo: boolean, shop: PlannedSite): PlannedSite[] {
  if (!isDemo) return [shop];
  return [
    shop,
    {
      ...shop,
      name: `${shop.name} — réserve`,
      latitude: Math.round((shop.latitude + 0.0009) * 1e6) / 1e6,
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: '06:00', end: '23:00' }] })),
      closures: [],
      accessInstructions: 'Réserve des bénévoles, porte bleue dans l’impasse. Boîte à clés : code 1962. Chambre froide et congélateur à droite en entrant.',
    },
  ];
}
