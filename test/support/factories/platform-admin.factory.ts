import { DataSource } from 'typeorm';
import { gqlOk, registerPlatformAdmin, type TestUser } from '../graphql-http';
import type { RunningApi } from '../test-stack';

// One platform admin per running API, made on first use.
const admins = new WeakMap<RunningApi, Promise<TestUser>>();

/** The platform admin of this API (registered, verified, granted the flag as admin:create does). */
export function platformAdminOf(api: RunningApi): Promise<TestUser> {
  let admin = admins.get(api);
  if (admin === undefined) {
    admin = registerPlatformAdmin(api, api.app.get(DataSource));
    admins.set(api, admin);
  }
  return admin;
}

const VERIFY_ORGANIZATION = `mutation ($id: ID!) { verifyOrganization(id: $id) { id verified } }`;

/** Vets an organisation through verifyOrganization, as the platform admin does before a donor publishes or a recipient claims. */
export async function verifyAsPlatformAdmin(api: RunningApi, organizationId: string): Promise<void> {
  const admin = await platformAdminOf(api);
  await gqlOk(api, VERIFY_ORGANIZATION, { id: organizationId }, admin.accessToken);
}
