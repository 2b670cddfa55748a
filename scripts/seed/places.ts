import { BORDEAUX_QUARTERS, BUSINESS_ZONES, STREETS } from './names';
import type { Prng } from './prng';
import type { PlannedSite } from './seed-plan.model';
import type { Town } from './towns';

/** A town, or one quarter of the préfecture when a town is big enough to hold several shops of a chain. */
export interface Locality {
  readonly town: Town;
  /** "Mérignac", or "Bordeaux Chartrons". */
  readonly label: string;
  /** Share of the town's population, for weighting draws. */
  readonly population: number;
}

const KM_PER_DEGREE_LATITUDE = 111.32;
const BORDEAUX_INSEE = '33063';

export class Places {
  readonly localities: readonly Locality[];
  private readonly byName: ReadonlyMap<string, Town>;

  constructor(readonly towns: readonly Town[]) {
    this.byName = new Map(towns.map((town) => [town.name, town]));
    this.localities = towns.flatMap((town): Locality[] => {
      if (town.inseeCode !== BORDEAUX_INSEE) return [{ town, label: town.name, population: town.population }];
      const share = Math.round(town.population / BORDEAUX_QUARTERS.length);
      return BORDEAUX_QUARTERS.map((quarter) => ({ town, label: `${town.name} ${quarter}`, population: share }));
    });
  }

  /** A town by its official name; when the data no longer has it, the most populated one (the demo must still run). */
  town(name: string): Town {
    return this.byName.get(name) ?? this.towns[0];
  }

  locality(town: Town, random: Prng): Locality {
    const options = this.localities.filter((locality) => locality.town.inseeCode === town.inseeCode);
    return options.length > 0 ? random.pick(options) : { town, label: town.name, population: town.population };
  }

  /** One locality, weighted by population (optionally reshaped, e.g. to favour villages). */
  pick(random: Prng, weight: (locality: Locality) => number = (l) => l.population): Locality {
    return random.weighted(this.localities, weight);
  }

  /** Distinct localities, weighted by population: a chain has one shop per town (per quarter in Bordeaux). */
  pickDistinct(random: Prng, count: number, weight: (locality: Locality) => number = (l) => l.population): Locality[] {
    return random.weightedDistinct(this.localities, count, weight);
  }
}

/**
 * A point near the town's GeoNames coordinates: sites of one town must not sit on one pixel, so each
 * is moved by up to a few hundred metres in a village and about two kilometres in Bordeaux.
 */
export function pointIn(town: Town, random: Prng): { latitude: number; longitude: number } {
  const radiusKm = Math.min(2.2, 0.3 + 1.9 * Math.sqrt(town.population / 270_000));
  const distanceKm = radiusKm * Math.sqrt(random.next());
  const bearing = 2 * Math.PI * random.next();
  const latitude = town.latitude + (distanceKm * Math.cos(bearing)) / KM_PER_DEGREE_LATITUDE;
  const longitude = town.longitude + (distanceKm * Math.sin(bearing)) / (KM_PER_DEGREE_LATITUDE * Math.cos((town.latitude * Math.PI) / 180));
  return { latitude: round(latitude, 5), longitude: round(longitude, 5) };
}

export function streetAddress(town: Town, random: Prng): string {
  return `${random.int(1, 180)} ${random.pick(STREETS)}, ${postalCode(town, random)} ${town.name}`;
}

/** Hypermarkets, wholesalers and central kitchens stand in business parks. */
export function zoneAddress(town: Town, random: Prng): string {
  return `${random.pick(BUSINESS_ZONES)}, ${random.int(1, 40)} ${random.pick(STREETS)}, ${postalCode(town, random)} ${town.name}`;
}

function postalCode(town: Town, random: Prng): string {
  return town.postalCodes.length > 0 ? random.pick(town.postalCodes) : `${town.inseeCode.slice(0, 2)}000`;
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function siteAt(
  random: Prng,
  name: string,
  locality: Locality,
  details: Pick<PlannedSite, 'address' | 'openingHours' | 'closures' | 'accessInstructions'>,
): PlannedSite {
  return { name, townCode: locality.town.inseeCode, ...pointIn(locality.town, random), ...details };
}
