/** How long sessions last; bound from the configuration by the API (the application does not read config). */
export abstract class SessionSettings {
  abstract readonly refreshTtlSeconds: number;
}
