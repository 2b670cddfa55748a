const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from clients; PostgreSQL rejects a malformed uuid with an error, we treat it as unknown. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function uuidsOnly(values: readonly string[]): string[] {
  return [...new Set(values.filter(isUuid))];
}
