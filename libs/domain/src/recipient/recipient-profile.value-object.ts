import { isCategoryWithin, parseCategoryCode } from '../catalog/category-taxonomy';
import { DomainError } from '../errors/domain-error';
import { TEMPERATURE_CLASSES, type TemperatureClass } from '../shared/temperature-class';

/** Décret 2016-1962: a DLC item must have 48 h left when the recipient takes charge of it. */
export const DEFAULT_DLC_MARGIN_HOURS = 48;
export const MAX_DLC_MARGIN_HOURS = 240;
export const MAX_SERVICE_RADIUS_KM = 300;

export interface CapacityInput {
  readonly temperature: TemperatureClass;
  readonly kg: number;
}

export interface RecipientProfileInput {
  readonly acceptedCategories: readonly string[];
  readonly capacities: readonly CapacityInput[];
  readonly serviceRadiusKm: number;
  /** Omitted or null: the legal 48 hours. */
  readonly dlcMarginHours?: number | null;
  /** Declared by recipients that hand goods out within hours (meal services): allows a margin under 48 h. */
  readonly redistributesFaster?: boolean | null;
  /** People served per week; 0 when not declared. Used to share goods fairly. */
  readonly peoplePerWeek?: number | null;
}

/** What a recipient can take. Only a valid profile can exist. */
export class RecipientProfile {
  private constructor(
    /** Normalised, without duplicates, in the order given. */
    readonly acceptedCategories: readonly string[],
    /** Free storage per temperature class, in kg; a class not declared has none. */
    private readonly capacityByClass: ReadonlyMap<TemperatureClass, number>,
    readonly serviceRadiusKm: number,
    readonly dlcMarginHours: number,
    readonly redistributesFaster: boolean,
    readonly peoplePerWeek: number,
  ) {
    Object.freeze(this);
  }

  /** Field names are those of the input object ('acceptedCategories.2', 'capacities.0.kg' …). */
  static parse(input: RecipientProfileInput): RecipientProfile {
    if (input.acceptedCategories.length === 0) {
      throw new DomainError('NO_ACCEPTED_CATEGORIES', 'acceptedCategories');
    }
    const accepted = input.acceptedCategories.map((raw, index) => parseCategoryCode(raw, `acceptedCategories.${index}`));

    const capacities = new Map<TemperatureClass, number>();
    input.capacities.forEach((capacity, index) => {
      if (!TEMPERATURE_CLASSES.includes(capacity.temperature)) {
        throw new DomainError('UNKNOWN_TEMPERATURE_CLASS', `capacities.${index}.temperature`, {
          value: String(capacity.temperature),
        });
      }
      if (capacities.has(capacity.temperature)) {
        throw new DomainError('DUPLICATE_CAPACITY', `capacities.${index}.temperature`, {
          temperature: capacity.temperature,
        });
      }
      if (!Number.isFinite(capacity.kg)) throw new DomainError('INVALID_CAPACITY', `capacities.${index}.kg`);
      if (capacity.kg < 0) throw new DomainError('NEGATIVE_CAPACITY', `capacities.${index}.kg`);
      capacities.set(capacity.temperature, capacity.kg + 0);
    });

    const radius = input.serviceRadiusKm;
    if (!Number.isFinite(radius) || radius <= 0 || radius > MAX_SERVICE_RADIUS_KM) {
      throw new DomainError('INVALID_RADIUS', 'serviceRadiusKm', { max: MAX_SERVICE_RADIUS_KM });
    }

    const redistributesFaster = input.redistributesFaster ?? false;
    const margin = input.dlcMarginHours ?? DEFAULT_DLC_MARGIN_HOURS;
    if (!Number.isInteger(margin) || margin < 0 || margin > MAX_DLC_MARGIN_HOURS) {
      throw new DomainError('INVALID_DLC_MARGIN', 'dlcMarginHours', { min: 0, max: MAX_DLC_MARGIN_HOURS });
    }
    if (margin < DEFAULT_DLC_MARGIN_HOURS && !redistributesFaster) {
      throw new DomainError('DLC_MARGIN_TOO_SHORT', 'dlcMarginHours', { min: DEFAULT_DLC_MARGIN_HOURS });
    }

    const people = input.peoplePerWeek ?? 0;
    if (!Number.isSafeInteger(people) || people < 0) {
      throw new DomainError('INVALID_PEOPLE_PER_WEEK', 'peoplePerWeek');
    }

    return new RecipientProfile(Object.freeze([...new Set(accepted)]), capacities, radius, margin, redistributesFaster, people);
  }

  /** Whether goods of this category fall under one the recipient accepts (a parent accepts its children). */
  acceptsCategory(code: string): boolean {
    return this.acceptedCategories.some((accepted) => isCategoryWithin(code, accepted));
  }

  /** Declared free storage for a temperature class, in kg (0 when not declared). */
  capacityKg(temperature: TemperatureClass): number {
    return this.capacityByClass.get(temperature) ?? 0;
  }

  /** Every class, in the order of TEMPERATURE_CLASSES, undeclared ones at 0. */
  get capacities(): ReadonlyArray<{ readonly temperature: TemperatureClass; readonly kg: number }> {
    return TEMPERATURE_CLASSES.map((temperature) => ({ temperature, kg: this.capacityKg(temperature) }));
  }
}
