import { Injectable } from '@nestjs/common';
import { DomainError } from '#domain';
import { MembershipRepository, type MemberPageCursor } from './membership-repository.port';
import type { OrganizationMember } from './organization.model';

export const DEFAULT_MEMBER_PAGE_SIZE = 50;
export const MAX_MEMBER_PAGE_SIZE = 200;

export interface ListOrganizationMembersQuery {
  /** The API lets only the organisation's ADMIN and STAFF (and platform admins) ask. */
  readonly organizationId: string;
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface MemberEdge {
  readonly node: OrganizationMember;
  readonly cursor: string;
}

export interface MemberConnection {
  readonly edges: readonly MemberEdge[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

@Injectable()
export class ListOrganizationMembers {
  constructor(private readonly memberships: MembershipRepository) {}

  async execute(query: ListOrganizationMembersQuery): Promise<MemberConnection> {
    const first = query.first ?? DEFAULT_MEMBER_PAGE_SIZE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_MEMBER_PAGE_SIZE) {
      throw new DomainError('INVALID_PAGE_SIZE', 'first', { max: MAX_MEMBER_PAGE_SIZE });
    }
    const after = query.after === undefined || query.after === null ? undefined : decodeMemberCursor(query.after);
    const page = await this.memberships.listMembers(query.organizationId, first, after);
    const edges = page.members.map((node) => ({ node, cursor: encodeMemberCursor({ since: node.since, userId: node.userId }) }));
    return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

// Opaque to clients; keyset on (since, userId) so pages stay stable while members are added.
export function encodeMemberCursor(cursor: MemberPageCursor): string {
  return Buffer.from(JSON.stringify([cursor.since.toISOString(), cursor.userId]), 'utf8').toString('base64url');
}

export function decodeMemberCursor(raw: string): MemberPageCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      const since = new Date(parsed[0]);
      if (!Number.isNaN(since.getTime()) && /^[0-9a-f-]{36}$/i.test(parsed[1])) return { since, userId: parsed[1] };
    }
  } catch {
    // Falls through to the coded error: a cursor is either ours or invalid.
  }
  throw new DomainError('INVALID_CURSOR', 'after');
}
