import { Injectable } from '@nestjs/common';
import { DomainError, MemberRole, OrganizationKind } from '#domain';
import type { Actor } from '../auth/actor';
import type { OfferClaim } from '../offers/offer-repository.port';
import { Authorizer } from '../organizations/authorizer.service';
import { OrganizationRepository } from '../organizations/organization-repository.port';
import { decodeClaimCursor, encodeClaimCursor } from './claim-cursor';
import { ClaimRepository } from './claim-repository.port';

export const DEFAULT_CLAIM_PAGE_SIZE = 20;
export const MAX_CLAIM_PAGE_SIZE = 100;

export interface ListClaimsQuery {
  readonly actor: Actor | undefined;
  readonly organizationId: string;
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface ClaimConnection {
  readonly edges: ReadonlyArray<{ readonly node: OfferClaim; readonly cursor: string }>;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/**
 * A recipient's own claims, or the claims on a donor's offers, newest first, for the
 * organisation's members (drivers included: they carry these goods).
 */
@Injectable()
export class ListClaims {
  constructor(
    private readonly claims: ClaimRepository,
    private readonly organizations: OrganizationRepository,
    private readonly authorizer: Authorizer,
  ) {}

  async execute(query: ListClaimsQuery): Promise<ClaimConnection> {
    const first = query.first ?? DEFAULT_CLAIM_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_CLAIM_PAGE_SIZE) {
      throw new DomainError('INVALID_PAGE_SIZE', 'first', { max: MAX_CLAIM_PAGE_SIZE });
    }
    const after = query.after === undefined || query.after === null ? undefined : decodeClaimCursor(query.after);
    await this.authorizer.assertActsFor(query.actor, query.organizationId, [MemberRole.ADMIN, MemberRole.STAFF, MemberRole.DRIVER]);
    const organization = await this.organizations.findById(query.organizationId);
    if (organization === undefined) throw new DomainError('FORBIDDEN');
    const kind = organization.kind === OrganizationKind.DONOR ? 'donor' : 'recipient';
    const page = await this.claims.list({ kind, organizationId: organization.id }, first, after);
    const edges = page.claims.map((node) => ({ node, cursor: encodeClaimCursor({ createdAt: node.createdAt, id: node.id }) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}
