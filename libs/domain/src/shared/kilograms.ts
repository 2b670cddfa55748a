/**
 * Kilograms to the milligram: sums of decimal kg drift in binary floating point, and a claim of
 * "everything that remains" must leave exactly 0, not 1e-14.
 */
export function roundKg(kg: number): number {
  return Math.round(kg * 1e6) / 1e6;
}
