import {
  addCalendarDays,
  Allergen,
  DateKind,
  formatTimeOfDay,
  OpeningHours,
  OrganizationKind,
  PARIS_ZONE,
  parisDayOf,
  isoWeekdayOf,
  TemperatureClass,
  type CalendarDay,
  type OfferItemInput,
  type OpeningDayInput,
} from '#domain';
import { DateTime } from 'luxon';
import { DEMO_DONOR_CHAIN } from './donors';
import { DonorType, type PlannedItem, type PlannedOffer, type PlannedOrganization } from './seed-plan.model';

const { AMBIENT, CHILLED, FROZEN } = TemperatureClass;

const LOTS: Readonly<Record<DonorType, readonly { title: string; items: readonly PlannedItem[] }[]>> = {
  [DonorType.SUPERMARKET]: [
    {
      title: 'Produits laitiers à date courte',
      items: [
        {
          category: 'FOOD.DAIRY.YOGURT',
          description: 'Yaourts nature et aux fruits, packs de 4',
          quantityKg: 18,
          temperature: CHILLED,
          dateKind: DateKind.DLC,
          dateInDays: 4,
          allergens: [Allergen.MILK],
        },
        {
          category: 'FOOD.DAIRY.CHEESE',
          description: 'Fromages à la coupe sous vide',
          quantityKg: 6.5,
          temperature: CHILLED,
          dateKind: DateKind.DLC,
          dateInDays: 5,
          allergens: [Allergen.MILK],
        },
      ],
    },
    {
      title: 'Fruits et légumes déclassés',
      items: [
        {
          category: 'FOOD.FRUIT_VEG.VEGETABLES',
          description: 'Carottes, poireaux et courgettes abîmés',
          quantityKg: 42,
          temperature: AMBIENT,
          dateKind: DateKind.NONE,
        },
        { category: 'FOOD.FRUIT_VEG.FRUIT', description: 'Pommes et poires tachées', quantityKg: 28, temperature: AMBIENT, dateKind: DateKind.NONE },
      ],
    },
    {
      title: 'Épicerie et hygiène : emballages abîmés',
      items: [
        {
          category: 'FOOD.DRY.PASTA_RICE',
          description: 'Pâtes et riz, paquets déchirés re-filmés',
          quantityKg: 24,
          temperature: AMBIENT,
          dateKind: DateKind.DDM,
          dateInDays: 120,
          allergens: [Allergen.GLUTEN],
        },
        {
          category: 'FOOD.DRY.CANNED',
          description: 'Conserves de légumes cabossées',
          quantityKg: 15,
          temperature: AMBIENT,
          dateKind: DateKind.DDM,
          dateInDays: 400,
        },
        {
          category: 'NON_FOOD.HYGIENE.BODY',
          description: 'Gels douche et dentifrices, fin de série',
          quantityKg: 7,
          temperature: AMBIENT,
          dateKind: DateKind.NONE,
        },
      ],
    },
  ],
  [DonorType.BAKERY]: [
    {
      title: 'Invendus du jour : pains et viennoiseries',
      items: [
        {
          category: 'FOOD.BAKERY.BREAD',
          description: 'Baguettes et pains de campagne',
          quantityKg: 9,
          temperature: AMBIENT,
          dateKind: DateKind.NONE,
          allergens: [Allergen.GLUTEN],
        },
        {
          category: 'FOOD.BAKERY.VIENNOISERIE',
          description: 'Croissants et pains au chocolat',
          quantityKg: 3.5,
          temperature: AMBIENT,
          dateKind: DateKind.NONE,
          allergens: [Allergen.GLUTEN, Allergen.MILK, Allergen.EGGS],
        },
      ],
    },
    {
      title: 'Pâtisseries de la veille',
      items: [
        {
          category: 'FOOD.BAKERY.PASTRY',
          description: 'Éclairs, tartelettes et flans',
          quantityKg: 4,
          temperature: CHILLED,
          dateKind: DateKind.DLC,
          dateInDays: 2,
          allergens: [Allergen.GLUTEN, Allergen.MILK, Allergen.EGGS],
        },
      ],
    },
  ],
  [DonorType.CATERER]: [
    {
      title: 'Buffet non servi : plats cuisinés',
      items: [
        {
          category: 'FOOD.READY_MEALS.CHILLED',
          description: 'Hachis parmentier et gratins en bacs gastro',
          quantityKg: 22,
          temperature: CHILLED,
          dateKind: DateKind.DLC,
          dateInDays: 3,
          allergens: [Allergen.MILK],
        },
        {
          category: 'FOOD.READY_MEALS.SANDWICHES',
          description: 'Wraps et salades composées',
          quantityKg: 8,
          temperature: CHILLED,
          dateKind: DateKind.DLC,
          dateInDays: 2,
          allergens: [Allergen.GLUTEN, Allergen.EGGS, Allergen.MUSTARD],
        },
      ],
    },
  ],
  [DonorType.WHOLESALER]: [
    {
      title: 'Palette de yaourts et légumes surgelés',
      items: [
        {
          category: 'FOOD.DAIRY.YOGURT',
          description: 'Yaourts aux fruits, 24 cartons',
          quantityKg: 290,
          temperature: CHILLED,
          dateKind: DateKind.DLC,
          dateInDays: 6,
          allergens: [Allergen.MILK],
        },
        {
          category: 'FOOD.FROZEN.VEGETABLES',
          description: 'Haricots verts surgelés, sacs de 2,5 kg',
          quantityKg: 180,
          temperature: FROZEN,
          dateKind: DateKind.DDM,
          dateInDays: 240,
        },
      ],
    },
  ],
  [DonorType.PRODUCER]: [
    {
      title: 'Légumes hors calibre de la semaine',
      items: [
        {
          category: 'FOOD.FRUIT_VEG.VEGETABLES',
          description: 'Pommes de terre et oignons hors calibre',
          quantityKg: 120,
          temperature: AMBIENT,
          dateKind: DateKind.NONE,
        },
      ],
    },
    {
      title: 'Pommes tombées, à trier',
      items: [
        { category: 'FOOD.FRUIT_VEG.FRUIT', description: 'Pommes de table tombées, en palox', quantityKg: 80, temperature: AMBIENT, dateKind: DateKind.NONE },
      ],
    },
  ],
  [DonorType.COLLECTIVE_CATERING]: [
    {
      title: 'Repas du jour non servis',
      items: [
        {
          category: 'FOOD.READY_MEALS.CATERING',
          description: 'Barquettes scellées : poulet basquaise et riz',
          quantityKg: 35,
          temperature: CHILLED,
          dateKind: DateKind.DLC,
          dateInDays: 2,
        },
      ],
    },
  ],
};

/**
 * A dozen lots from varied donors: the demo chain's shops (most published, one left as a draft),
 * other chains, bakeries, a caterer, a wholesaler, producers and a central kitchen.
 */
export function planOffers(organizations: readonly PlannedOrganization[]): PlannedOffer[] {
  const offers: PlannedOffer[] = [];
  const wanted: Readonly<Record<DonorType, number>> = {
    [DonorType.SUPERMARKET]: 3,
    [DonorType.BAKERY]: 2,
    [DonorType.CATERER]: 1,
    [DonorType.WHOLESALER]: 1,
    [DonorType.PRODUCER]: 2,
    [DonorType.COLLECTIVE_CATERING]: 1,
  };
  const taken: Record<DonorType, number> = { SUPERMARKET: 0, BAKERY: 0, CATERER: 0, WHOLESALER: 0, PRODUCER: 0, COLLECTIVE_CATERING: 0 };

  organizations.forEach((organization, organizationIndex) => {
    if (organization.kind !== OrganizationKind.DONOR) return;
    const lots = LOTS[organization.type];
    if (organization.name === DEMO_DONOR_CHAIN) {
      // The demo donor sees its own lots: one per kind at three of its shops, the last one a draft.
      lots.forEach((lot, index) => offers.push({ organizationIndex, siteIndex: index % organization.sites.length, ...lot, publish: index < lots.length - 1 }));
      return;
    }
    if (taken[organization.type] >= wanted[organization.type]) return;
    const lot = lots[taken[organization.type] % lots.length];
    taken[organization.type] += 1;
    if (lot !== undefined) offers.push({ organizationIndex, siteIndex: 0, ...lot, publish: true });
  });
  return offers;
}

/** Item dates counted from the seed day (Paris calendar). */
export function offerItems(offer: PlannedOffer, now: Date): OfferItemInput[] {
  const today = parisDayOf(now);
  return offer.items.map(({ dateInDays, ...item }) => ({ ...item, date: dateInDays === undefined ? null : addCalendarDays(today, dateInDays) }));
}

/**
 * From the site's first opening after the seed day to its closing on the opening day after that:
 * "to collect Monday or Tuesday", so recipients that receive on either day can take it.
 */
export function pickupWindow(openingHours: readonly OpeningDayInput[], now: Date): { pickupFrom: Date; pickupUntil: Date } {
  const hours = OpeningHours.parse(openingHours);
  const today = parisDayOf(now);
  const openDays: Array<{ day: CalendarDay; startMinute: number; endMinute: number }> = [];
  for (let offset = 1; offset <= 8 && openDays.length < 2; offset += 1) {
    const day = addCalendarDays(today, offset);
    const intervals = hours.intervalsOn(isoWeekdayOf(day));
    const first = intervals[0];
    const last = intervals[intervals.length - 1];
    if (first !== undefined && last !== undefined) openDays.push({ day, startMinute: first.startMinute, endMinute: last.endMinute });
  }
  const [first] = openDays;
  const last = openDays[openDays.length - 1];
  if (first !== undefined && last !== undefined) return { pickupFrom: at(first.day, first.startMinute), pickupUntil: at(last.day, last.endMinute) };
  // A site that never opens cannot be collected from; the next day, office hours, keeps the offer valid.
  const tomorrow = addCalendarDays(today, 1);
  return { pickupFrom: at(tomorrow, 8 * 60), pickupUntil: at(tomorrow, 18 * 60) };
}

function at(day: CalendarDay, minute: number): Date {
  const time = formatTimeOfDay(minute);
  if (time === '24:00') return DateTime.fromISO(addCalendarDays(day, 1), { zone: PARIS_ZONE }).toJSDate();
  return DateTime.fromISO(`${day}T${time}`, { zone: PARIS_ZONE }).toJSDate();
}
