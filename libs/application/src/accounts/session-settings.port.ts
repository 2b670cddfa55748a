/** How long sessions last; bound from the configuration by the API (the application does not read config). */
export abstract class SessionSettings {
  abstract readonly refreshTtlSeconds: number;
  /**
   * The absolute lifetime of a session, from sign-in, whatever the refreshes (OWASP session
   * management); undefined means none.
   */
  abstract readonly maxSessionSeconds?: number;
}
