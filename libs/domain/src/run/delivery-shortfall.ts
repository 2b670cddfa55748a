import { DomainError } from '../errors/domain-error';
import { REFUSAL_REASONS, type StopReading } from './stop-reading.value-object';

/**
 * What a delivery's kilos say against the kilos collected for it (docs/domain-rules.md, Refusal),
 * in whole grams as weighed: up to the tolerance above them, the recipient accepted everything (two
 * scales never agree exactly); below them, it accepted only that much and refused the rest, so the
 * reading must say why (its note starts with a refusal reason), and a reason with nothing short of
 * what was collected is a mistake. Answers the kilos refused, 0 when none.
 */
export function deliveryShortfallKg(collectedKg: number, reading: Pick<StopReading, 'quantityKg' | 'refusal'>, kgTolerancePercent: number): number {
  const collected = toGrams(collectedKg);
  const delivered = toGrams(reading.quantityKg ?? 0);
  const max = Math.round(collected * (1 + kgTolerancePercent / 100));
  if (delivered > max) throw new DomainError('QUANTITY_ABOVE_COLLECTED', 'quantityKg', { collectedKg: collected / 1000, maxKg: max / 1000 });
  const shortfall = Math.max(0, collected - delivered);
  if (shortfall > 0 && reading.refusal === null) {
    throw new DomainError('SHORTFALL_REASON_REQUIRED', 'note', {
      collectedKg: collected / 1000,
      shortfallKg: shortfall / 1000,
      reasons: REFUSAL_REASONS.join(', '),
    });
  }
  if (shortfall === 0 && reading.refusal !== null) throw new DomainError('REFUSAL_WITHOUT_SHORTFALL', 'note', { collectedKg: collected / 1000 });
  return shortfall / 1000;
}

function toGrams(kg: number): number {
  return Math.round(kg * 1000);
}
