import { MemberRole, OrganizationKind } from '#domain';
import {
  bakeryClosures,
  bakeryHours,
  catererHours,
  collectiveCateringHours,
  convenienceStoreHours,
  producerHours,
  schoolClosures,
  shopClosures,
  supermarketHours,
  wholesalerHours,
} from './hours';
import { BAKERY_NAME_PATTERNS, CATERER_NAME_PATTERNS, FIRST_NAMES, ofTown, PRODUCER_NAME_PATTERNS, uniqueNames } from './names';
import type { PlanContext } from './plan-context';
import { siteAt, streetAddress, zoneAddress, type Locality } from './places';
import { DonorType, type PlannedDonor, type PlannedInvitation, type PlannedPerson, type PlannedSite } from './seed-plan.model';

/** The chain whose admin and staff are demo logins. */
export const DEMO_DONOR_CHAIN = 'Horizon Distribution Sud-Ouest';

interface Chain {
  readonly organization: string;
  readonly brand: string;
  readonly sites: number;
  readonly format: 'supermarket' | 'hypermarket' | 'convenience';
  readonly openOnSunday: boolean;
}

/** Invented chains: multi-site organisations, one legal id for all their shops. */
const CHAINS: readonly Chain[] = [
  { organization: DEMO_DONOR_CHAIN, brand: 'Horizon Market', sites: 17, format: 'supermarket', openOnSunday: true },
  { organization: 'Marché Plus Aquitaine', brand: 'Marché Plus', sites: 14, format: 'supermarket', openOnSunday: false },
  { organization: 'Les Halles du Quotidien', brand: 'Les Halles du Quotidien', sites: 8, format: 'hypermarket', openOnSunday: false },
  { organization: 'Proxi Frais Proximité', brand: 'Proxi Frais', sites: 13, format: 'convenience', openOnSunday: true },
  { organization: 'Vert Panier, coopérative bio', brand: 'Vert Panier', sites: 6, format: 'supermarket', openOnSunday: false },
];

const INDEPENDENT_SUPERMARKETS = [
  'Supermarché du Centre',
  'Supermarché des Halles',
  'Le Marché de la Place',
  'Supérette du Port',
  'Alimentation Générale du Bourg',
] as const;

/**
 * About 120 donor sites: chains of supermarkets (multi-site organisations), independent shops,
 * bakeries, caterers, wholesalers, producers and collective catering, in real towns weighted by
 * population (producers in villages).
 */
export function planDonors(context: PlanContext, demoAdmin: PlannedPerson): PlannedDonor[] {
  const donors: PlannedDonor[] = [];
  const { random, places } = context;
  const unique = uniqueNames();

  for (const chain of CHAINS) {
    const isDemo = chain.organization === DEMO_DONOR_CHAIN;
    const localities = places.pickDistinct(random, chain.sites, (l) => (chain.format === 'hypermarket' ? Math.max(0, l.population - 8000) : l.population));
    const sites = localities.map((locality) => chainSite(context, chain, locality));
    const invitations: PlannedInvitation[] = isDemo
      ? [{ email: `responsable.frais@${context.people.domainFor(chain.organization)}`, role: MemberRole.STAFF }]
      : [];
    donors.push(donor(context, DonorType.SUPERMARKET, chain.organization, sites, isDemo ? demoAdmin : undefined, invitations));
  }

  for (const name of INDEPENDENT_SUPERMARKETS) {
    const locality = places.pick(random);
    const organization = `${name} — ${locality.label}`;
    donors.push(
      donor(context, DonorType.SUPERMARKET, organization, [
        siteAt(context.random, organization, locality, {
          address: streetAddress(locality.town, random),
          openingHours: supermarketHours(random, random.chance(0.5)),
          closures: shopClosures(context.years),
          accessInstructions: `Livraisons par la cour à gauche du magasin. Sonner à la réception marchandises et demander ${random.pick(FIRST_NAMES)}, responsable du frais.`,
        }),
      ]),
    );
  }

  // A local bakery chain with four shops, then independent bakeries.
  const lacosteLocalities = places.pickDistinct(random, 4, (l) => (l.town.population > 15_000 ? l.population : 0));
  donors.push(
    donor(
      context,
      DonorType.BAKERY,
      'Maison Lacoste, boulangeries',
      lacosteLocalities.map((locality) => bakerySite(context, `Maison Lacoste — ${locality.label}`, locality)),
    ),
  );
  for (let n = 0; n < 20; n += 1) {
    const locality = places.pick(random);
    const organization = unique(() => random.pick(BAKERY_NAME_PATTERNS)(context.people.lastName(), locality.town.name));
    donors.push(donor(context, DonorType.BAKERY, organization, [bakerySite(context, siteName(organization, locality), locality)]));
  }

  // Caterers; one has a second kitchen.
  for (let n = 0; n < 7; n += 1) {
    const locality = places.pick(random);
    const organization = unique(() => random.pick(CATERER_NAME_PATTERNS)(context.people.lastName(), locality.town.name));
    const kitchens = n === 0 ? [locality, places.pick(random, (l) => (l.town.inseeCode === locality.town.inseeCode ? 0 : l.population))] : [locality];
    donors.push(
      donor(
        context,
        DonorType.CATERER,
        organization,
        kitchens.map((where) =>
          siteAt(context.random, siteName(organization, where), where, {
            address: streetAddress(where.town, random),
            openingHours: catererHours(),
            closures: bakeryClosures(random, context.years),
            accessInstructions: 'Laboratoire au fond de la cour, sonner « Traiteur ». Plats en bacs gastro filmés : prévoir des caisses isothermes.',
          }),
        ),
      ),
    );
  }

  // Wholesalers near the Bordeaux wholesale market and the ring road.
  const wholesalers: ReadonlyArray<{ name: string; towns: readonly string[] }> = [
    { name: 'Primeurs de la Garonne', towns: ['Bordeaux', 'Bègles'] },
    { name: 'Aquitaine Frais Distribution', towns: ['Mérignac'] },
    { name: 'Épicerie en gros du Médoc', towns: ['Blanquefort'] },
    { name: 'Crèmerie en gros Atlantique', towns: ['Cestas'] },
  ];
  for (const wholesaler of wholesalers) {
    const sites = wholesaler.towns.map((townName) => {
      const locality = places.locality(places.town(townName), random);
      return siteAt(context.random, `${wholesaler.name} — ${locality.town.name}`, locality, {
        address: zoneAddress(locality.town, random),
        openingHours: wholesalerHours(),
        closures: [],
        accessInstructions: 'Entrée poids lourds par le portail 2, badge à demander au poste de garde. Gilet haute visibilité obligatoire sur les quais.',
      });
    });
    donors.push(donor(context, DonorType.WHOLESALER, wholesaler.name, sites));
  }

  // Producers: farms and orchards in the villages.
  for (let n = 0; n < 12; n += 1) {
    const locality = places.pick(random, (l) => (l.town.population <= 6000 ? l.town.population : 0));
    const organization = unique(() => random.pick(PRODUCER_NAME_PATTERNS)(context.people.lastName(), locality.town.name));
    donors.push(
      donor(context, DonorType.PRODUCER, organization, [
        siteAt(context.random, siteName(organization, locality), locality, {
          address: `lieu-dit ${random.pick(['Le Bourdieu', 'La Grange', 'Les Arrestieux', 'Le Tuquet', 'Pey de l’Ours', 'La Métairie'])}, ${locality.town.postalCodes[0] ?? ''} ${locality.town.name}`,
          openingHours: producerHours(random),
          closures: [],
          accessInstructions: 'Ferme à 800 m après l’église, suivre le panneau « vente directe ». Chiens en liberté : klaxonner avant d’entrer.',
        }),
      ]),
    );
  }

  // Collective catering: central kitchens of the larger towns, a hospital, a company restaurant.
  const kitchens = places.pickDistinct(random, 4, (l) => (l.town.population >= 20_000 && l.label === l.town.name ? l.population : 0));
  const catering: Array<{ name: string; localities: Locality[]; school: boolean }> = kitchens.map((locality) => ({
    name: `Cuisine centrale ${ofTown(locality.town.name)}`,
    localities: [locality],
    school: true,
  }));
  catering.push({ name: 'Restauration du centre hospitalier de Libourne', localities: [places.locality(places.town('Libourne'), random)], school: false });
  catering.push({ name: 'Restaurant inter-entreprises de l’aéroport', localities: [places.locality(places.town('Mérignac'), random)], school: false });
  catering.push({
    name: 'Restauration universitaire des campus bordelais',
    localities: [places.locality(places.town('Talence'), random), places.locality(places.town('Pessac'), random)],
    school: true,
  });
  for (const kitchen of catering) {
    const sites = kitchen.localities.map((locality) =>
      siteAt(context.random, `${kitchen.name}${kitchen.localities.length > 1 ? ` — ${locality.town.name}` : ''}`, locality, {
        address: zoneAddress(locality.town, random),
        openingHours: collectiveCateringHours(),
        closures: kitchen.school ? schoolClosures(context.years) : [],
        accessInstructions:
          'Quai de la cuisine, côté parking du personnel. Repas en barquettes scellées : véhicule frigorifique ou caissons isothermes obligatoires.',
      }),
    );
    donors.push(donor(context, DonorType.COLLECTIVE_CATERING, kitchen.name, sites));
  }

  return donors;
}

function chainSite(context: PlanContext, chain: Chain, locality: Locality): PlannedSite {
  const { random } = context;
  const name = `${chain.brand} — ${locality.label}`;
  switch (chain.format) {
    case 'hypermarket':
      return siteAt(context.random, name, locality, {
        address: zoneAddress(locality.town, random),
        openingHours: supermarketHours(random, false),
        closures: shopClosures(context.years),
        accessInstructions: `Accès poids lourds par l’arrière du magasin. Se présenter à la réception marchandises, quai n° ${random.int(1, 6)}. Demander le responsable des dons au poste de sécurité.`,
      });
    case 'convenience':
      return siteAt(context.random, name, locality, {
        address: streetAddress(locality.town, random),
        openingHours: convenienceStoreHours(),
        closures: shopClosures(context.years),
        accessInstructions: 'Pas de quai : stationner sur l’aire de livraison devant le magasin (15 min maximum) et passer par la caisse.',
      });
    case 'supermarket':
      return siteAt(context.random, name, locality, {
        address: random.chance(0.4) ? zoneAddress(locality.town, random) : streetAddress(locality.town, random),
        openingHours: supermarketHours(random, chain.openOnSunday),
        closures: shopClosures(context.years),
        accessInstructions: `Réception marchandises à l’arrière (quai n° ${random.int(1, 3)}), sonner à l’interphone « Réception ». Les dons attendent en chambre froide : demander ${random.pick(FIRST_NAMES)}.`,
      });
  }
}

function bakerySite(context: PlanContext, name: string, locality: Locality): PlannedSite {
  const { random } = context;
  return siteAt(context.random, name, locality, {
    address: streetAddress(locality.town, random),
    openingHours: bakeryHours(random),
    closures: bakeryClosures(random, context.years),
    accessInstructions: `Passer par la boutique et demander ${random.pick(FIRST_NAMES)} au fournil. Invendus du jour prêts en fin d’après-midi.`,
  });
}

/** A shop named after its town needs no suffix; others get " — town". */
function siteName(organization: string, locality: Locality): string {
  return organization.includes(locality.town.name) ? organization : `${organization} — ${locality.label}`;
}

function donor(
  context: PlanContext,
  type: DonorType,
  name: string,
  sites: readonly PlannedSite[],
  creator?: PlannedPerson,
  invitations: readonly PlannedInvitation[] = [],
): PlannedDonor {
  return {
    kind: OrganizationKind.DONOR,
    type,
    name,
    legalId: context.legalIds.siret(),
    creator: creator ?? context.people.personAt(context.people.domainFor(name)),
    sites,
    invitations,
  };
}
