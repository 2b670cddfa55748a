import {
  type GetMembershipsOfUsers,
  type GetOrganizations,
  type GetOrganizationsByLegalId,
  type GetRecipientProfiles,
  type GetSitesOfOrganizations,
  type Membership,
} from '#application';
import { MemberRole } from '#domain';
import type { GraphQLContext } from '../graphql/graphql-context';
import { OrganizationLoaders } from './organization.loaders';

function fakeQueries() {
  const calls: string[][] = [];
  const memberships: Membership[] = [
    { organizationId: 'o1', userId: 'u1', role: MemberRole.STAFF, createdAt: new Date() },
    { organizationId: 'o2', userId: 'u1', role: MemberRole.DRIVER, createdAt: new Date() },
  ];
  const getMemberships = {
    execute: async (userIds: readonly string[]) => {
      calls.push([...userIds]);
      return new Map(userIds.map((id) => [id, memberships.filter((m) => m.userId === id)]));
    },
  } as unknown as GetMembershipsOfUsers;
  const getSites = {
    execute: async (ids: readonly string[]) => {
      calls.push(['sites', ...ids]);
      return new Map();
    },
  } as unknown as GetSitesOfOrganizations;
  return {
    calls,
    loaders: new OrganizationLoaders({} as GetOrganizations, getSites, {} as GetRecipientProfiles, getMemberships, {} as GetOrganizationsByLegalId),
  };
}

describe('per-request organisation loaders', () => {
  const httpContext = (actor?: GraphQLContext['actor']): GraphQLContext => ({ req: {} as GraphQLContext['req'], language: 'fr', actor });

  it('batches the lookups of one tick into one query, and caches them for the request', async () => {
    const { calls, loaders } = fakeQueries();
    const context = httpContext();
    await Promise.all(['o1', 'o2', 'o3', 'o1'].map((id) => loaders.of(context).sites.load(id)));
    await loaders.of(context).sites.load('o2');
    expect(calls).toEqual([['sites', 'o1', 'o2', 'o3']]);
    await loaders.of(httpContext()).sites.load('o2');
    expect(calls).toHaveLength(2);
  });

  it('does not cache across the events of a subscription (a WebSocket context, which Nest also gives a req)', async () => {
    const { calls, loaders } = fakeQueries();
    const context: GraphQLContext = { req: {} as GraphQLContext['req'], connectionParams: {}, language: 'fr' };
    await loaders.of(context).sites.load('o1');
    await loaders.of(context).sites.load('o1');
    expect(calls).toHaveLength(2);
  });

  it('reads private fields for the roles given, and for platform admins', async () => {
    const { calls, loaders } = fakeQueries();
    const staff = httpContext({ userId: 'u1', platformAdmin: false, emailVerified: true });
    expect(await loaders.mayReadPrivate(staff, 'o1', [MemberRole.ADMIN, MemberRole.STAFF])).toBe(true);
    expect(await loaders.mayReadPrivate(staff, 'o2', [MemberRole.ADMIN, MemberRole.STAFF])).toBe(false);
    expect(await loaders.mayReadPrivate(staff, 'o3', [MemberRole.ADMIN, MemberRole.STAFF, MemberRole.DRIVER])).toBe(false);
    expect(calls).toEqual([['u1']]);
    expect(await loaders.mayReadPrivate(httpContext({ userId: 'pa', platformAdmin: true, emailVerified: true }), 'o3', [MemberRole.ADMIN])).toBe(true);
    expect(await loaders.mayReadPrivate(httpContext(), 'o1', [MemberRole.STAFF])).toBe(false);
  });

  it('reads nothing private for an account whose address is not verified, whatever its memberships or rights', async () => {
    const { loaders } = fakeQueries();
    expect(await loaders.mayReadPrivate(httpContext({ userId: 'u1', platformAdmin: false, emailVerified: false }), 'o1', [MemberRole.STAFF])).toBe(false);
    expect(await loaders.mayReadPrivate(httpContext({ userId: 'pa', platformAdmin: true, emailVerified: false }), 'o1', [MemberRole.STAFF])).toBe(false);
  });
});
