import type { ValueTransformer } from 'typeorm';

/**
 * pg returns `numeric` as a string (it may not fit a double); our kilogram columns are numeric(12, 3),
 * which always does, so they become numbers at the edge of the database.
 */
export const NUMERIC_KG: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
