import type { TemperatureClass } from '#domain';
import type { Coordinates } from './geo-distance.util';

/** One open offer item a coordinator may dispatch. */
export interface AllocationItem {
  readonly offerItemId: string;
  /** Kg still unclaimed. */
  readonly kg: number;
  readonly temperature: TemperatureClass;
  /** Dotted taxonomy code; a recipient accepting a branch accepts everything below it. */
  readonly categoryCode: string;
  /** Value of saving one kg of this item, ≥ 0; see perishabilityWeight for the usual scale (1 to 3). */
  readonly perishabilityWeight: number;
  /** The donor site. */
  readonly location: Coordinates;
  /** DLC items: hours of DLC left when the pickup window ends (#domain dlcHoursLeftAt); null or absent otherwise. */
  readonly dlcHoursAfterPickup?: number | null;
}

/** One recipient (a partner of the coordinating food bank) with its free storage for the day. */
export interface AllocationRecipient {
  readonly recipientId: string;
  readonly location: Coordinates;
  readonly serviceRadiusKm: number;
  readonly acceptedCategoryCodes: readonly string[];
  /** Free storage for the day per temperature class (declared minus already claimed); absent means none. */
  readonly capacityKg: Readonly<Partial<Record<TemperatureClass, number>>>;
  /** Defaults to 48 h (docs/domain-rules.md, DLC margin). */
  readonly dlcMarginHours?: number;
}

export interface AllocationProblem {
  readonly items: readonly AllocationItem[];
  readonly recipients: readonly AllocationRecipient[];
  /**
   * λ, the cost of moving one kg over one km, in the objective's unit (weighted kg). Defaults to
   * DEFAULT_DISTANCE_COST_PER_KG_KM.
   */
  readonly distanceCostPerKgKm?: number;
  /**
   * Distances in km indexed [item index][recipient index] (road distances, or PostGIS ones);
   * haversine between the locations when absent.
   */
  readonly distanceKm?: ReadonlyArray<ArrayLike<number>>;
}

export interface AllocationAssignment {
  readonly offerItemId: string;
  readonly recipientId: string;
  /** Not rounded: round to grams when turning it into a claim. */
  readonly kg: number;
  readonly distanceKm: number;
  /** perishabilityWeight − λ × distanceKm: what each kg of this assignment adds to the objective. */
  readonly valuePerKg: number;
}

export interface AllocationResult {
  /** In item order, then recipient order. */
  readonly assignments: readonly AllocationAssignment[];
  /** Σ kg × (perishabilityWeight − λ × distanceKm). */
  readonly objective: number;
  readonly allocatedKg: number;
  /** Σ kg × perishabilityWeight. */
  readonly weightedKg: number;
  /** Σ λ × kg × distanceKm. */
  readonly distanceCost: number;
  /** Items with kg left over, and how much. */
  readonly unallocated: readonly { readonly offerItemId: string; readonly kg: number }[];
  readonly stats: {
    /** Item–recipient pairs that pass every rule (temperature, category, radius, DLC margin). */
    readonly eligiblePairs: number;
    /** Network simplex pivots (0 for the greedy). */
    readonly pivots: number;
  };
}
