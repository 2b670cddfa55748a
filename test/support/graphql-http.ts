import { randomUUID } from 'node:crypto';
import { EmailVerificationTokenRepository, hashOpaqueToken, newOpaqueToken } from '#application';
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
const VERIFY_EMAIL = `mutation ($token: String!) { verifyEmail(token: $token) { accessToken refreshToken user { id email } } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id email } } }`;

interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
}

/** Registers through the API, as a person would, and stops there: the account's address is not verified (it can do nothing else). */
export async function registerUnverifiedUser(api: RunningApi, email = uniqueEmail('person'), displayName = 'Marie Dupont'): Promise<TestUser> {
  const { register } = await gqlOk<{ register: AuthPayload }>(api, REGISTER, { input: { email, password: TEST_PASSWORD, displayName } });
  return { id: register.user.id, email: register.user.email, accessToken: register.accessToken, refreshToken: register.refreshToken };
}

/**
 * A person who registered through the API and proved their address through verifyEmail, with the
 * session verifyEmail started (its token says the address is verified). Only the e-mail is skipped:
 * the link's token is stored as the worker stores it (its hash, through the real repository) and
 * handed to verifyEmail directly. The e-mail itself is tested end to end in email-verification.
 */
export async function registerUser(api: RunningApi, email = uniqueEmail('person'), displayName = 'Marie Dupont'): Promise<TestUser> {
  const registered = await registerUnverifiedUser(api, email, displayName);
  const token = newOpaqueToken();
  await api.app.get(EmailVerificationTokenRepository).create({
    id: randomUUID(),
    userId: registered.id,
    tokenHash: hashOpaqueToken(token),
    expiresAt: new Date(Date.now() + 3_600_000),
    createdAt: new Date(),
  });
  const { verifyEmail } = await gqlOk<{ verifyEmail: AuthPayload }>(api, VERIFY_EMAIL, { token });
  return { id: verifyEmail.user.id, email: verifyEmail.user.email, accessToken: verifyEmail.accessToken, refreshToken: verifyEmail.refreshToken };
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
