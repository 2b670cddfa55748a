/** Bound from the configuration by each app (the application does not read config). */
export abstract class EmailVerificationSettings {
  /** How long a verification link works (EMAIL_VERIFICATION_TTL_HOURS, 48 hours by default). */
  abstract readonly tokenTtlMs: number;
  /** Where people reach Glane, without a trailing slash; the link is `${publicUrl}/verify-email?token=…`. */
  abstract readonly publicUrl: string;
}
