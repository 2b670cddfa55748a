import type { DataSource } from 'typeorm';
import { insertOrganization, insertProfile, insertSite, KM_PER_DEGREE_LATITUDE } from './matching.factory';

/** The latitude `km` north (negative: south) of another. */
export const north = (latitude: number, km: number): number => latitude + km / KM_PER_DEGREE_LATITUDE;

/**
 * A food bank: a verified recipient with one site and a profile without storage of its own (so it
 * takes nothing in its own proposals), dispatching within `radiusKm` of its site.
 */
export async function insertFoodBank(ds: DataSource, location: { latitude: number; longitude: number }, radiusKm = 40): Promise<string> {
  const bankId = await insertOrganization(ds, 'RECIPIENT', { name: 'Banque alimentaire' });
  await insertSite(ds, bankId, location);
  await insertProfile(ds, bankId, { ambientKg: 0, chilledKg: 0, frozenKg: 0, serviceRadiusKm: radiusKm });
  return bankId;
}
