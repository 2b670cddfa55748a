/** Who is calling, as established from a verified access token. Absent for anonymous calls. */
export interface Actor {
  readonly userId: string;
  /** Platform administrators vet organisations; granted only by the admin:create command. */
  readonly platformAdmin: boolean;
  /**
   * The account has proved its email address. Until it has, it may only see itself, verify and
   * sign out: the authorization guard and the Authorizer refuse everything else (EMAIL_NOT_VERIFIED).
   */
  readonly emailVerified: boolean;
}
