import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { RunningApi } from './test-stack';

export interface GraphQLErrorBody {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions: { code: string; field?: string; params?: Record<string, string | number> };
}

export interface GraphQLBody<T = Record<string, unknown>> {
  data?: T | null;
  errors?: GraphQLErrorBody[];
}

/** One GraphQL operation over real HTTP, as a client app sends it. */
export async function gql<T = Record<string, unknown>>(
  api: RunningApi,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  language = 'en',
): Promise<GraphQLBody<T>> {
  const call = request(api.httpUrl).post('/graphql').set('accept-language', language);
  if (token !== undefined) call.set('authorization', `Bearer ${token}`);
  const response = await call.send({ query, variables });
  if (response.status >= 500) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as GraphQLBody<T>;
}

/** The data of an operation that must succeed; fails the test with the errors otherwise. */
export async function gqlOk<T = Record<string, unknown>>(api: RunningApi, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const body = await gql<T>(api, query, variables, token);
  if (body.errors !== undefined || body.data === undefined || body.data === null) {
    throw new Error(`expected success, got ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly accessToken: string;
  readonly refreshToken: string;
}

let counter = 0;
export const uniqueEmail = (label: string): string => `${label}.${Date.now().toString(36)}${(counter++).toString(36)}@example.fr`;
export const TEST_PASSWORD = 'correct horse battery staple';

const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id email } } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id email } } }`;

interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
}

/** Registers through the API, as a person would. */
export async function registerUser(api: RunningApi, email = uniqueEmail('person'), displayName = 'Marie Dupont'): Promise<TestUser> {
  const { register } = await gqlOk<{ register: AuthPayload }>(api, REGISTER, { input: { email, password: TEST_PASSWORD, displayName } });
  return { id: register.user.id, email: register.user.email, accessToken: register.accessToken, refreshToken: register.refreshToken };
}

/**
 * A platform admin: registered through the API, granted the flag in the database (as the
 * admin:create command does; no endpoint grants it), then signed in again for a token that says so.
 */
export async function registerPlatformAdmin(api: RunningApi, dataSource: DataSource): Promise<TestUser> {
  const user = await registerUser(api, uniqueEmail('admin'), 'Platform Admin');
  await dataSource.query('UPDATE users SET platform_admin = true WHERE id = $1', [user.id]);
  const { login } = await gqlOk<{ login: AuthPayload }>(api, LOGIN, { input: { email: user.email, password: TEST_PASSWORD } });
  return { ...user, accessToken: login.accessToken, refreshToken: login.refreshToken };
}
