import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { Authorizer, MembershipRepository, type MemberPage, type Membership } from '#application';
import { DomainError, MemberRole } from '#domain';
import { buildSchema, type GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../graphql/graphql-context';
import { Authenticated, CheckedByUseCase, MemberOf, PlatformAdminOnly, Public, SignedInEvenUnverified } from './access-policy.decorator';
import { AccessPolicyEnforcer, valueAtPath } from './access-policy.enforcer';
import { AuthorizationGuard } from './authorization.guard';

class FixedMemberships extends MembershipRepository {
  constructor(private readonly roles: Record<string, MemberRole>) {
    super();
  }
  async roleOf(userId: string, organizationId: string): Promise<MemberRole | undefined> {
    return this.roles[`${userId}/${organizationId}`];
  }
  async listForUsers(): Promise<Membership[]> {
    return [];
  }
  async add(): Promise<Membership | undefined> {
    return undefined;
  }
  async listMembers(): Promise<MemberPage> {
    return { members: [], hasNextPage: false };
  }
}

class Handlers {
  @Public() open(): void {}
  @Authenticated() signedIn(): void {}
  @SignedInEvenUnverified() evenUnverified(): void {}
  @PlatformAdminOnly() admin(): void {}
  @MemberOf([MemberRole.ADMIN], 'input.organizationId') adminOf(): void {}
  @CheckedByUseCase('the offer names its donor') loaded(): void {}
  forgotten(): void {}
}

const schema = buildSchema('type Query { a: Int } type Mutation { b: Int } type Thing { c: Int }');

function contextFor(handler: keyof Handlers, gqlContext: Partial<GraphQLContext>, args: Record<string, unknown> = {}, parent = 'Query'): ExecutionContextHost {
  const info = { schema, parentType: schema.getType(parent) } as unknown as GraphQLResolveInfo;
  const host = new ExecutionContextHost([{}, args, { language: 'en', ...gqlContext }, info], Handlers, Handlers.prototype[handler]);
  host.setType('graphql');
  return host;
}

describe('the authorization guard', () => {
  const guard = new AuthorizationGuard(
    new AccessPolicyEnforcer(new Reflector(), new Authorizer(new FixedMemberships({ 'u1/o1': MemberRole.ADMIN, 'u2/o1': MemberRole.STAFF }))),
  );
  const member = { actor: { userId: 'u1', platformAdmin: false, emailVerified: true } };
  const staff = { actor: { userId: 'u2', platformAdmin: false, emailVerified: true } };
  const admin = { actor: { userId: 'pa', platformAdmin: true, emailVerified: true } };
  const verdict = (context: ExecutionContextHost): Promise<string> =>
    guard.canActivate(context).then(
      () => 'allow',
      (error: { code?: string }) => error.code ?? 'unexpected',
    );

  it('denies an operation that declares no policy, whoever calls', async () => {
    for (const caller of [{}, member, admin]) expect(await verdict(contextFor('forgotten', caller))).toBe('FORBIDDEN');
  });

  it('applies each policy', async () => {
    expect(await verdict(contextFor('open', {}))).toBe('allow');
    expect(await verdict(contextFor('signedIn', {}))).toBe('UNAUTHENTICATED');
    expect(await verdict(contextFor('signedIn', member))).toBe('allow');
    expect(await verdict(contextFor('loaded', {}))).toBe('UNAUTHENTICATED');
    expect(await verdict(contextFor('loaded', member))).toBe('allow');
    expect(await verdict(contextFor('admin', member))).toBe('FORBIDDEN');
    expect(await verdict(contextFor('admin', admin))).toBe('allow');
    expect(await verdict(contextFor('adminOf', member, { input: { organizationId: 'o1' } }))).toBe('allow');
    expect(await verdict(contextFor('adminOf', staff, { input: { organizationId: 'o1' } }))).toBe('FORBIDDEN');
    expect(await verdict(contextFor('adminOf', admin, { input: { organizationId: 'o1' } }))).toBe('FORBIDDEN');
    expect(await verdict(contextFor('adminOf', member, { input: { organizationId: 'o2' } }))).toBe('FORBIDDEN');
    expect(await verdict(contextFor('adminOf', member, { input: {} }))).toBe('FORBIDDEN');
    expect(await verdict(contextFor('adminOf', {}, { input: { organizationId: 'o1' } }))).toBe('UNAUTHENTICATED');
  });

  it('lets an account with an unverified address call only public and signedIn operations (EMAIL_NOT_VERIFIED otherwise)', async () => {
    const unverified = { actor: { userId: 'u1', platformAdmin: true, emailVerified: false } };
    expect(await verdict(contextFor('open', unverified))).toBe('allow');
    expect(await verdict(contextFor('evenUnverified', unverified))).toBe('allow');
    expect(await verdict(contextFor('evenUnverified', member))).toBe('allow');
    expect(await verdict(contextFor('evenUnverified', {}))).toBe('UNAUTHENTICATED');
    expect(await verdict(contextFor('signedIn', unverified))).toBe('EMAIL_NOT_VERIFIED');
    expect(await verdict(contextFor('loaded', unverified))).toBe('EMAIL_NOT_VERIFIED');
    expect(await verdict(contextFor('admin', unverified))).toBe('EMAIL_NOT_VERIFIED');
    // Even holding the role (u1 is ADMIN of o1): an unverified account acts for nobody.
    expect(await verdict(contextFor('adminOf', unverified, { input: { organizationId: 'o1' } }))).toBe('EMAIL_NOT_VERIFIED');
  });

  it('does not read the token of a public operation, so a stale one does not stop a sign-in', async () => {
    const stale = Object.create({
      get actor(): never {
        throw Object.assign(new Error('expired'), { code: 'UNAUTHENTICATED' });
      },
    }) as Partial<GraphQLContext>;
    const info = { schema, parentType: schema.getQueryType() } as unknown as GraphQLResolveInfo;
    const host = new ExecutionContextHost([{}, {}, stale, info], Handlers, Handlers.prototype.open);
    host.setType('graphql');
    expect(await verdict(host)).toBe('allow');
    const signedIn = new ExecutionContextHost([{}, {}, stale, info], Handlers, Handlers.prototype.signedIn);
    signedIn.setType('graphql');
    expect(await verdict(signedIn)).toBe('UNAUTHENTICATED');
  });

  it('leaves field resolvers and HTTP routes alone', async () => {
    expect(await verdict(contextFor('forgotten', {}, {}, 'Thing'))).toBe('allow');
    const http = new ExecutionContextHost([{}, {}], Handlers, Handlers.prototype.forgotten);
    http.setType('http');
    expect(await verdict(http)).toBe('allow');
  });

  it('reads dotted argument paths', () => {
    expect(valueAtPath({ input: { organizationId: 'x' } }, 'input.organizationId')).toBe('x');
    expect(valueAtPath({ id: 'y' }, 'id')).toBe('y');
    expect(valueAtPath({ input: null }, 'input.organizationId')).toBeUndefined();
    expect(valueAtPath({}, 'input.organizationId')).toBeUndefined();
  });
});

describe('the access policy applied again to each event of a subscription', () => {
  const policies = new AccessPolicyEnforcer(new Reflector(), new Authorizer(new FixedMemberships({ 'u1/o1': MemberRole.ADMIN })));

  it('reads the actor the context names now: a right lost since subscribing stops the events, a right gained starts them', async () => {
    let actor: GraphQLContext['actor'] = { userId: 'pa', platformAdmin: true, emailVerified: true };
    const context = Object.create({
      get actor() {
        return actor;
      },
    }) as GraphQLContext;
    expect(await policies.stillAllows(Handlers.prototype.admin, context, {})).toBe(true);
    actor = { userId: 'pa', platformAdmin: false, emailVerified: true };
    expect(await policies.stillAllows(Handlers.prototype.admin, context, {})).toBe(false);
    actor = { userId: 'u1', platformAdmin: false, emailVerified: true };
    expect(await policies.stillAllows(Handlers.prototype.adminOf, context, { input: { organizationId: 'o1' } })).toBe(true);
    expect(await policies.stillAllows(Handlers.prototype.adminOf, context, { input: { organizationId: 'o2' } })).toBe(false);
  });

  it('refuses when the actor can no longer be read (the connection closed) and when no policy was declared', async () => {
    const closed = Object.create({
      get actor(): never {
        throw new DomainError('UNAUTHENTICATED', 'authorization', { reason: 'expired' });
      },
    }) as GraphQLContext;
    expect(await policies.stillAllows(Handlers.prototype.admin, closed, {})).toBe(false);
    const admin = { language: 'en', actor: { userId: 'pa', platformAdmin: true, emailVerified: true } } as GraphQLContext;
    expect(await policies.stillAllows(Handlers.prototype.forgotten, admin, {})).toBe(false);
  });
});
