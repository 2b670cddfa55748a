export type NodeEnv = 'development' | 'test' | 'production';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The whole configuration of both processes, validated once at start-up (see load-config.ts). */
export interface AppConfig {
  readonly nodeEnv: NodeEnv;
  readonly port: number;
  /** Base URL clients reach the API at; used in printed links and e-mails. */
  readonly publicUrl: string;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  /** BullMQ key prefix: each test run uses its own so a running dev worker cannot take its jobs. */
  readonly queuePrefix: string;
  readonly logLevel: LogLevel;
  readonly jwt: {
    readonly accessSecret: string;
    readonly refreshSecret: string;
    readonly accessTtlSeconds: number;
    readonly refreshTtlSeconds: number;
    /** A session's absolute lifetime from sign-in, refreshes or not. */
    readonly maxSessionSeconds: number;
  };
  /** How long the link of a verification e-mail works, in hours. */
  readonly emailVerificationTtlHours: number;
  /**
   * How many reverse proxies stand in front of the API. Client addresses (rate limits, logs) are
   * read from X-Forwarded-For only that deep; 0 trusts no header, so nobody can forge an address.
   */
  readonly trustProxyHops: number;
  readonly rateLimits: {
    /** Accounts one client address may create per hour (sign-in limits are fixed in the limiter). */
    readonly registrationsPerAddressPerHour: number;
    /** offerMatches calls one account may make per minute (it ranks every recipient around an offer). */
    readonly offerMatchesPerUserPerMinute: number;
    /** GET /map/features requests one account may make per minute (a map pans and zooms). */
    readonly mapFeaturesPerUserPerMinute: number;
    /** GET /calendar/<secret>.ics requests one client address may make per minute (calendar services fetch many feeds from few addresses). */
    readonly calendarFeedRequestsPerAddressPerMinute: number;
  };
  readonly graphql: {
    readonly maxBodyBytes: number;
    /** Introspection and field suggestions are for development only. */
    readonly introspection: boolean;
  };
  readonly worker: {
    readonly concurrency: number;
    /** How long SIGTERM waits for active jobs before releasing them back to the queue. */
    readonly shutdownGraceMs: number;
  };
  readonly mail: {
    /** The SMTP relay, e.g. smtp://user:pass@mail.example:587 (smtps:// for implicit TLS). */
    readonly smtpUrl: string;
    /** The From header of every e-mail, e.g. "Glane <no-reply@glane.example>". */
    readonly from: string;
  };
  /** The offer broadcast cascade: circles of recipients told one after the other while nobody claims. */
  readonly broadcast: {
    /** How many recipients each of the first two circles tells. */
    readonly circleSize: number;
    /** How long an unclaimed offer waits before the next circle is told. */
    readonly waitSeconds: number;
  };
  /** Pickup runs. */
  readonly runs: {
    /** How far above the claimed kilos a weighed quantity is still accepted at a stop, in percent. */
    readonly kgTolerancePercent: number;
    /** How long after the last claim change of a planned day the worker re-plans it. */
    readonly replanDebounceSeconds: number;
  };
}
