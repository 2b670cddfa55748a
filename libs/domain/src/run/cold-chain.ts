import { isCategoryWithin } from '../catalog/category-taxonomy';
import type { TemperatureClass } from '../shared/temperature-class';

/**
 * Categories of very perishable goods (denrées très périssables): meat, fish and ready meals. Chilled,
 * they are kept at +4 °C at most; other chilled goods (dairy, ready-to-eat vegetables) at +8 °C.
 */
export const VERY_PERISHABLE_CATEGORIES: readonly string[] = ['FOOD.MEAT', 'FOOD.FISH', 'FOOD.READY_MEALS'];

export const CHILLED_VERY_PERISHABLE_MAX_C = 4;
export const CHILLED_PERISHABLE_MAX_C = 8;
export const FROZEN_MAX_C = -18;

/**
 * The warmest a reading of these goods may be (docs/domain-rules.md, Cold chain): the strictest limit
 * of the classes they hold, since one reading is taken per stop; null when nothing needs cold.
 */
export function coldChainLimitC(
  lines: ReadonlyArray<{ readonly category: string; readonly temperature: TemperatureClass; readonly kg: number }>,
): number | null {
  const limits = lines.flatMap((line) => {
    if (line.kg <= 0) return [];
    if (line.temperature === 'FROZEN') return [FROZEN_MAX_C];
    if (line.temperature === 'CHILLED') {
      return [
        VERY_PERISHABLE_CATEGORIES.some((category) => isCategoryWithin(line.category, category)) ? CHILLED_VERY_PERISHABLE_MAX_C : CHILLED_PERISHABLE_MAX_C,
      ];
    }
    return [];
  });
  return limits.length === 0 ? null : Math.min(...limits);
}
