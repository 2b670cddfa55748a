import type { LegalIdFactory } from './legal-ids';
import type { People } from './people';
import type { Places } from './places';
import type { Prng } from './prng';

/** What every part of the plan draws from, in one fixed order so the demo never changes. */
export interface PlanContext {
  readonly random: Prng;
  readonly places: Places;
  readonly people: People;
  readonly legalIds: LegalIdFactory;
  /** The years closures are planned for: the seed's year and the next. */
  readonly years: readonly number[];
}
