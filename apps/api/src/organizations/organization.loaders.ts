import { Injectable } from '@nestjs/common';
import {
  GetMembershipsOfUsers,
  GetOrganizations,
  GetOrganizationsByLegalId,
  GetRecipientProfiles,
  GetSitesOfOrganizations,
  type Membership,
  type Organization,
  type Site,
} from '#application';
import type { MemberRole, RecipientProfile } from '#domain';
import DataLoader from 'dataloader';
import { servesOneRequest, type GraphQLContext } from '../graphql/graphql-context';

export interface OrganizationDataLoaders {
  readonly organization: DataLoader<string, Organization | null>;
  /** Every organisation holding the legal id (for platform admins vetting one). */
  readonly byLegalId: DataLoader<string, readonly Organization[]>;
  readonly sites: DataLoader<string, readonly Site[]>;
  readonly recipientProfile: DataLoader<string, RecipientProfile | null>;
  /** By user id. */
  readonly memberships: DataLoader<string, readonly Membership[]>;
}

/**
 * Per-request DataLoaders for organisation data, so a list of 50 offers asks for their donors in
 * one query. Kept in a WeakMap keyed by the GraphQL context object: created on first use, gone
 * with the request. A subscription's context lives as long as the subscription, so there the
 * loaders batch but do not cache, or every event would show the data of the first.
 */
@Injectable()
export class OrganizationLoaders {
  private readonly byContext = new WeakMap<object, OrganizationDataLoaders>();

  constructor(
    private readonly organizations: GetOrganizations,
    private readonly sites: GetSitesOfOrganizations,
    private readonly profiles: GetRecipientProfiles,
    private readonly memberships: GetMembershipsOfUsers,
    private readonly byLegalId: GetOrganizationsByLegalId,
  ) {}

  of(context: GraphQLContext): OrganizationDataLoaders {
    let loaders = this.byContext.get(context);
    if (loaders === undefined) {
      loaders = this.create({ cache: servesOneRequest(context) });
      this.byContext.set(context, loaders);
    }
    return loaders;
  }

  /**
   * The caller's role in the organisation; undefined for anonymous callers and non-members, and for
   * an account whose address is not verified (it acts for nobody, as the Authorizer says).
   */
  async actorRole(context: GraphQLContext, organizationId: string): Promise<MemberRole | undefined> {
    if (context.actor === undefined || !context.actor.emailVerified) return undefined;
    const memberships = await this.of(context).memberships.load(context.actor.userId);
    return memberships.find((membership) => membership.organizationId === organizationId)?.role;
  }

  /** Whether the caller may read the organisation's private fields reserved to these roles. Platform admins may, to vet and handle abuse. */
  async mayReadPrivate(context: GraphQLContext, organizationId: string, roles: readonly MemberRole[]): Promise<boolean> {
    if (isVerifiedPlatformAdmin(context)) return true;
    const role = await this.actorRole(context, organizationId);
    return role !== undefined && roles.includes(role);
  }

  private create(options: { cache: boolean }): OrganizationDataLoaders {
    return {
      organization: new DataLoader(async (ids) => {
        const found = await this.organizations.execute(ids);
        return ids.map((id) => found.get(id) ?? null);
      }, options),
      byLegalId: new DataLoader(async (legalIds) => {
        const found = await this.byLegalId.execute(legalIds);
        return legalIds.map((legalId) => found.get(legalId) ?? []);
      }, options),
      sites: new DataLoader(async (ids) => {
        const found = await this.sites.execute(ids);
        return ids.map((id) => found.get(id) ?? []);
      }, options),
      recipientProfile: new DataLoader(async (ids) => {
        const found = await this.profiles.execute(ids);
        return ids.map((id) => found.get(id) ?? null);
      }, options),
      memberships: new DataLoader(async (userIds) => {
        const found = await this.memberships.execute(userIds);
        return userIds.map((id) => found.get(id) ?? []);
      }, options),
    };
  }
}

/** Platform admins vet organisations; like every right, theirs needs a verified address. */
export function isVerifiedPlatformAdmin(context: GraphQLContext): boolean {
  return context.actor?.platformAdmin === true && context.actor.emailVerified;
}
