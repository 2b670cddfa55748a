import { DomainError } from '../errors/domain-error';
import { StopEventKind } from './run-status';

/** The coldest and hottest readings a food thermometer gives that mean anything: beyond, the reading is a typing error. */
export const MIN_STOP_TEMPERATURE_C = -40;
export const MAX_STOP_TEMPERATURE_C = 60;
export const MAX_STOP_NOTE_LENGTH = 500;

/**
 * Why goods are refused (docs/domain-rules.md, Refusal): no room, what the recipient or driver sees,
 * hygiene, a temperature out of its class's limit, or another reason, which must then be written out.
 */
export const RefusalReason = {
  CAPACITY: 'CAPACITY',
  VISUAL_CHECK: 'VISUAL_CHECK',
  HYGIENE: 'HYGIENE',
  TEMPERATURE: 'TEMPERATURE',
  OTHER: 'OTHER',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];
export const REFUSAL_REASONS: readonly RefusalReason[] = Object.values(RefusalReason);

export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === 'string' && (REFUSAL_REASONS as readonly string[]).includes(value);
}

export interface StopReadingInput {
  readonly kind: StopEventKind;
  readonly quantityKg?: number | null;
  readonly temperatureC?: number | null;
  readonly note?: string | null;
}

/** What a stop event says, checked for its shape: the run and the claim judge whether it may happen now. */
export interface StopReading {
  readonly kind: StopEventKind;
  readonly quantityKg: number | null;
  readonly temperatureC: number | null;
  readonly note: string | null;
  /**
   * The reason the note starts with, and what follows it: always for REFUSED; for DELIVERED, when
   * the note starts with a reason, that of a partial refusal (the run checks the kilos fall short
   * of what was collected); null otherwise.
   */
  readonly refusal: { readonly reason: RefusalReason; readonly detail: string | null } | null;
}

const MOVES_GOODS: readonly StopEventKind[] = [StopEventKind.COLLECTED, StopEventKind.DELIVERED];
const TAKES_TEMPERATURE: readonly StopEventKind[] = [StopEventKind.COLLECTED, StopEventKind.DELIVERED, StopEventKind.REFUSED];

/**
 * The shape rules of a stop event, field by field: kilos for what moves goods (more than 0) and for
 * nothing else; a temperature between −40 °C and +60 °C, for collection, delivery or refusal only;
 * a refusal's note is its reason (`HYGIENE`, or `OTHER: the broken seal`, reason then detail), and so
 * is a delivery's note that starts with a reason (a partial refusal of the rest); other notes are
 * free text up to 500 characters.
 */
export function parseStopReading(input: StopReadingInput): StopReading {
  const quantity = input.quantityKg ?? null;
  if (MOVES_GOODS.includes(input.kind)) {
    if (quantity === null) throw new DomainError('STOP_QUANTITY_REQUIRED', 'quantityKg', { kind: input.kind });
    // Weighed to the gram: less than a gram is nothing.
    if (!Number.isFinite(quantity) || toGram(quantity) <= 0) throw new DomainError('INVALID_QUANTITY', 'quantityKg');
  } else if (quantity !== null) {
    throw new DomainError('STOP_EVENT_FIELD_NOT_ALLOWED', 'quantityKg', { kind: input.kind });
  }
  const temperature = input.temperatureC ?? null;
  if (temperature !== null) {
    if (!TAKES_TEMPERATURE.includes(input.kind)) throw new DomainError('STOP_EVENT_FIELD_NOT_ALLOWED', 'temperatureC', { kind: input.kind });
    if (!Number.isFinite(temperature) || temperature < MIN_STOP_TEMPERATURE_C || temperature > MAX_STOP_TEMPERATURE_C) {
      throw new DomainError('TEMPERATURE_OUT_OF_RANGE', 'temperatureC', { min: MIN_STOP_TEMPERATURE_C, max: MAX_STOP_TEMPERATURE_C });
    }
  }
  const note = input.note?.trim() ?? '';
  if ([...note].length > MAX_STOP_NOTE_LENGTH) throw new DomainError('INVALID_STOP_NOTE', 'note', { max: MAX_STOP_NOTE_LENGTH });
  const refusal = input.kind === StopEventKind.REFUSED || (input.kind === StopEventKind.DELIVERED && startsWithRefusalReason(note)) ? parseRefusal(note) : null;
  if (refusal?.reason === RefusalReason.TEMPERATURE && temperature === null) throw new DomainError('TEMPERATURE_REQUIRED', 'temperatureC');
  return {
    kind: input.kind,
    quantityKg: quantity === null ? null : toGram(quantity),
    temperatureC: temperature === null ? null : Math.round(temperature * 10) / 10,
    note: note === '' ? null : note,
    refusal,
  };
}

function toGram(kg: number): number {
  return Math.round(kg * 1000) / 1000;
}

/** `CAPACITY`, `OTHER: …`: the note starts with a reason, alone or followed by a colon (`CAPACITY issue` is free text). */
function startsWithRefusalReason(note: string): boolean {
  const token = /^([A-Z_]+)\s*(?::|$)/u.exec(note)?.[1];
  return REFUSAL_REASONS.some((reason) => reason === token);
}

/** `REASON` or `REASON: detail`; OTHER needs the detail. */
function parseRefusal(note: string): { reason: RefusalReason; detail: string | null } {
  const match = /^([A-Z_]+)\s*(?::\s*(.*))?$/su.exec(note);
  const reason = REFUSAL_REASONS.find((known) => known === match?.[1]);
  if (match === null || reason === undefined) throw new DomainError('INVALID_REFUSAL_REASON', 'note', { reasons: REFUSAL_REASONS.join(', ') });
  const detail = match[2]?.trim() ?? '';
  if (reason === RefusalReason.OTHER && detail === '') throw new DomainError('INVALID_REFUSAL_REASON', 'note', { reasons: REFUSAL_REASONS.join(', ') });
  return { reason, detail: detail === '' ? null : detail };
}
