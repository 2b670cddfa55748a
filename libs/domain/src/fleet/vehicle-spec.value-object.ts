import { DomainError } from '../errors/domain-error';
import { roundKg } from '../shared/kilograms';
import { parseRequiredText } from '../shared/text-field';

export const MAX_VEHICLE_NAME_LENGTH = 80;
/**
 * A sane upper bound on a payload: the largest lorries food banks run (19 t rigid trucks) carry about
 * 10 t, and a heavy articulated lorry about 25 t; more is a typing error (grams for kg).
 */
export const MAX_VEHICLE_CAPACITY_KG = 25_000;
export const MAX_INSULATED_BOXES = 100;
/** Twelve hours: beyond that no insulated box keeps goods cold, whatever its ice packs. */
export const MAX_INSULATED_BOX_MINUTES = 720;

export interface VehicleSpecInput {
  readonly name: string;
  /** Payload, in kg. */
  readonly capacityKg: number;
  /** A refrigerated body carries CHILLED and FROZEN goods for the whole run. */
  readonly refrigerated: boolean;
  readonly insulatedBoxes: number;
  /**
   * How long chilled goods may stay in one of the insulated boxes (out of cold storage), in minutes;
   * null when not declared (or no boxes). The run planner uses it for the cold chain.
   */
  readonly insulatedBoxMaxMinutes?: number | null;
}

/** What a vehicle can carry. Only a valid description can exist: name, payload, cold equipment. */
export class VehicleSpec {
  private constructor(
    readonly name: string,
    readonly capacityKg: number,
    readonly refrigerated: boolean,
    readonly insulatedBoxes: number,
    readonly insulatedBoxMaxMinutes: number | null,
  ) {
    Object.freeze(this);
  }

  /** Field names are those of the input object ('capacityKg', 'insulatedBoxes' …). */
  static parse(input: VehicleSpecInput): VehicleSpec {
    const name = parseRequiredText(input.name, 'name', { code: 'INVALID_VEHICLE_NAME', max: MAX_VEHICLE_NAME_LENGTH });
    const capacityKg = input.capacityKg;
    if (!Number.isFinite(capacityKg) || capacityKg <= 0 || capacityKg > MAX_VEHICLE_CAPACITY_KG) {
      throw new DomainError('INVALID_VEHICLE_CAPACITY', 'capacityKg', { max: MAX_VEHICLE_CAPACITY_KG });
    }
    const boxes = input.insulatedBoxes;
    if (!Number.isInteger(boxes) || boxes < 0 || boxes > MAX_INSULATED_BOXES) {
      throw new DomainError('INVALID_INSULATED_BOXES', 'insulatedBoxes', { max: MAX_INSULATED_BOXES });
    }
    const minutes = input.insulatedBoxMaxMinutes ?? null;
    if (minutes !== null) {
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_INSULATED_BOX_MINUTES) {
        throw new DomainError('INVALID_INSULATED_BOX_MINUTES', 'insulatedBoxMaxMinutes', { max: MAX_INSULATED_BOX_MINUTES });
      }
      if (boxes === 0) throw new DomainError('INSULATED_BOX_MINUTES_WITHOUT_BOXES', 'insulatedBoxMaxMinutes');
    }
    return new VehicleSpec(name, roundKg(capacityKg), input.refrigerated, boxes, minutes);
  }

  toInput(): VehicleSpecInput {
    return {
      name: this.name,
      capacityKg: this.capacityKg,
      refrigerated: this.refrigerated,
      insulatedBoxes: this.insulatedBoxes,
      insulatedBoxMaxMinutes: this.insulatedBoxMaxMinutes,
    };
  }
}
