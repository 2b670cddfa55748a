/** Storage and transport temperature classes (docs/domain-rules.md, Words and Cold chain). */
export const TemperatureClass = {
  AMBIENT: 'AMBIENT',
  CHILLED: 'CHILLED',
  FROZEN: 'FROZEN',
} as const;
export type TemperatureClass = (typeof TemperatureClass)[keyof typeof TemperatureClass];
export const TEMPERATURE_CLASSES: readonly TemperatureClass[] = Object.values(TemperatureClass);
