import { SetMetadata } from '@nestjs/common';
import type { MemberRole } from '#domain';

export const ACCESS_POLICY = 'glane:access-policy';

/**
 * Who may call an operation. Every query, mutation and subscription must declare one: the global
 * authorization guard denies any operation without a policy, and the authorization matrix test
 * enumerates the schema to prove each is covered.
 */
export type AccessPolicy =
  | { readonly kind: 'public' }
  /**
   * Signed in, whether or not the account has verified its address: only for what an unverified
   * account may do (see itself, sign out). Every other policy but 'public' requires a verified address.
   */
  | { readonly kind: 'signedIn' }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'platformAdmin' }
  /** The caller must hold one of the roles in the organisation whose id is at this argument path (e.g. 'input.organizationId'). */
  | { readonly kind: 'organizationMember'; readonly roles: readonly MemberRole[]; readonly organizationIdArg: string }
  /**
   * The organisation is known only once a resource is loaded (an offer, a site): the use case
   * checks membership itself, through the same membership rules. The reason is for reviewers.
   */
  | { readonly kind: 'checkedByUseCase'; readonly reason: string };

export const Public = (): MethodDecorator => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);
export const SignedInEvenUnverified = (): MethodDecorator => SetMetadata(ACCESS_POLICY, { kind: 'signedIn' } satisfies AccessPolicy);
export const Authenticated = (): MethodDecorator => SetMetadata(ACCESS_POLICY, { kind: 'authenticated' } satisfies AccessPolicy);
export const PlatformAdminOnly = (): MethodDecorator => SetMetadata(ACCESS_POLICY, { kind: 'platformAdmin' } satisfies AccessPolicy);
export const MemberOf = (roles: readonly MemberRole[], organizationIdArg: string): MethodDecorator =>
  SetMetadata(ACCESS_POLICY, { kind: 'organizationMember', roles, organizationIdArg } satisfies AccessPolicy);
export const CheckedByUseCase = (reason: string): MethodDecorator => SetMetadata(ACCESS_POLICY, { kind: 'checkedByUseCase', reason } satisfies AccessPolicy);
