/** Who is calling, as established from a verified access token. Absent for anonymous calls. */
export interface Actor {
  readonly userId: string;
  /** Platform administrators vet organisations; granted only by the admin:create command. */
  readonly platformAdmin: boolean;
}
