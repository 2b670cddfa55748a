import { Injectable } from '@nestjs/common';
import type { Membership } from './organization.model';
import { MembershipRepository } from './membership-repository.port';

/** The memberships of several users at once (a DataLoader batch), oldest first within each. */
@Injectable()
export class GetMembershipsOfUsers {
  constructor(private readonly memberships: MembershipRepository) {}

  async execute(userIds: readonly string[]): Promise<ReadonlyMap<string, readonly Membership[]>> {
    const byUser = new Map<string, Membership[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return byUser;
    for (const membership of await this.memberships.listForUsers([...new Set(userIds)])) {
      byUser.get(membership.userId)?.push(membership);
    }
    return byUser;
  }
}
