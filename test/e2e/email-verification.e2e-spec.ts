import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { EmailVerificationTokenRepository, hashOpaqueToken } from '#application';
import request from 'supertest';
import { gql, gqlOk, registerUnverifiedUser, registerUser, uniqueEmail, type GraphQLBody, type TestUser } from '../support/graphql-http';
import { insertUser } from '../support/factories/people.factory';
import { siretFor } from '../support/legal-ids';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../support/smtp-test-server';
import { provideTestServices, startApi, startWorker, type RunningApi, type TestServices } from '../support/test-stack';

jest.setTimeout(60000);

const PUBLIC_URL = 'https://glane.test';
const ME = `{ me { id email emailVerified memberships { role pending organization { id } } } }`;
const VERIFY_EMAIL = `mutation ($token: String!) { verifyEmail(token: $token) { accessToken refreshToken user { id email emailVerified } } }`;
const RESEND = `mutation ($email: String!) { resendVerificationEmail(email: $email) }`;
const REFRESH = `mutation ($token: String!) { refreshToken(token: $token) { accessToken user { emailVerified } } }`;
const LOGOUT = `mutation { logout }`;
const CREATE_ORGANIZATION = `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const ORGANIZATION = `query ($id: ID!) { organization(id: $id) { id name } }`;
const ADD_MEMBER = `mutation ($input: AddMemberInput!) { addMember(input: $input) { role pending } }`;

interface VerifiedPayload {
  verifyEmail: { accessToken: string; refreshToken: string; user: { id: string; email: string; emailVerified: boolean } };
}
interface Me {
  me: { id: string; email: string; emailVerified: boolean; memberships: Array<{ role: string; pending: boolean; organization: { id: string } }> };
}

function codeAndField(body: GraphQLBody): [string | undefined, string | undefined] {
  expect(body.errors).toHaveLength(1);
  const error = body.errors?.[0];
  return [error?.extensions.code, error?.extensions.field];
}

/** The token of the verify-email link in the e-mail's text, as a person's mail client shows it. */
function linkToken(mail: ReceivedMail): string {
  const match = /https:\/\/glane\.test\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (match?.[1] === undefined) throw new Error(`no verification link in: ${mail.text}`);
  return match[1];
}

describe('email verification, end to end (API, worker, PostgreSQL, Redis, SMTP)', () => {
  let smtp: SmtpTestServer;
  let services: TestServices;
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    services = await provideTestServices({ SMTP_URL: smtp.url, PUBLIC_URL, MAIL_FROM: 'Glane <no-reply@glane.test>' });
    [api, worker] = await Promise.all([startApi(services.config), startWorker(services.config)]);
  });

  afterAll(async () => {
    await Promise.all([api?.app.close(), worker?.close()]);
    await services?.release();
    await smtp?.close();
  });

  const mailsTo = (email: string): ReceivedMail[] => smtp.messages.filter((mail) => mail.to.includes(email));
  const waitForMails = async (email: string, count: number): Promise<ReceivedMail[]> => {
    await smtp.waitFor(() => mailsTo(email).length >= count, 15000);
    return mailsTo(email);
  };
  const count = async (table: string): Promise<number> => {
    const rows: Array<{ n: string }> = await services.dataSource.query(`SELECT count(*) AS n FROM ${table}`);
    return Number(rows[0]?.n);
  };
  const verifiedAt = async (userId: string): Promise<Date | null> => {
    const rows: Array<{ email_verified_at: Date | null }> = await services.dataSource.query('SELECT email_verified_at FROM users WHERE id = $1', [userId]);
    return rows[0]?.email_verified_at ?? null;
  };

  it('e-mails a link on registration (French, then English); following it verifies the address and signs in with a token that may act', async () => {
    const person = await registerUnverifiedUser(api, uniqueEmail('newcomer'));
    const [mail] = await waitForMails(person.email, 1);
    if (mail === undefined) throw new Error('no e-mail');
    expect(mail.from).toBe('no-reply@glane.test');
    expect(mail.subject).toBe('Confirmez votre adresse e-mail / Confirm your email address');
    expect(mail.text.indexOf('Bonjour')).toBeLessThan(mail.text.indexOf('Hello'));
    expect(mail.html).toContain(`href="${PUBLIC_URL}/verify-email?token=`);
    // Only the token's hash is stored.
    const token = linkToken(mail);
    const stored: Array<{ token_hash: string }> = await services.dataSource.query('SELECT token_hash FROM email_verification_tokens WHERE user_id = $1', [
      person.id,
    ]);
    expect(stored).toEqual([{ token_hash: hashOpaqueToken(token) }]);

    const { verifyEmail } = await gqlOk<VerifiedPayload>(api, VERIFY_EMAIL, { token });
    expect(verifyEmail.user).toEqual({ id: person.id, email: person.email, emailVerified: true });
    const me = await gqlOk<Me>(api, ME, {}, verifyEmail.accessToken);
    expect(me.me.emailVerified).toBe(true);
    await gqlOk(api, CREATE_ORGANIZATION, { input: { name: 'Épicerie du Lac', kind: 'RECIPIENT', legalId: 'W331234567' } }, verifyEmail.accessToken);
    // The session from before the verification catches up at its next refresh.
    const { refreshToken } = await gqlOk<{ refreshToken: { accessToken: string; user: { emailVerified: boolean } } }>(api, REFRESH, {
      token: person.refreshToken,
    });
    expect(refreshToken.user.emailVerified).toBe(true);
    await gqlOk(api, ORGANIZATION, { id: randomUUID() }, refreshToken.accessToken);
  });

  it('lets an unverified account see itself and sign out, and nothing else (EMAIL_NOT_VERIFIED), over GraphQL and REST', async () => {
    const person = await registerUnverifiedUser(api);
    const me = await gqlOk<Me>(api, ME, {}, person.accessToken);
    expect(me.me).toEqual({ id: person.id, email: person.email, emailVerified: false, memberships: [] });

    const before = await count('organizations');
    const create = await gql(api, CREATE_ORGANIZATION, { input: { name: 'X', kind: 'DONOR', legalId: siretFor(777_001) } }, person.accessToken);
    expect(codeAndField(create)).toEqual(['EMAIL_NOT_VERIFIED', 'authorization']);
    expect(await count('organizations')).toBe(before);
    expect(codeAndField(await gql(api, ORGANIZATION, { id: randomUUID() }, person.accessToken))).toEqual(['EMAIL_NOT_VERIFIED', 'authorization']);
    const map = await request(api.httpUrl).get('/map/features?bbox=2.2,48.8,2.4,48.9').set('authorization', `Bearer ${person.accessToken}`);
    expect([map.status, (map.body as { code?: string }).code]).toEqual([403, 'EMAIL_NOT_VERIFIED']);

    expect(await gqlOk(api, LOGOUT, {}, person.accessToken)).toEqual({ logout: true });
    expect(codeAndField(await gql(api, REFRESH, { token: person.refreshToken }))[0]).toBe('REFRESH_TOKEN_REVOKED');
  });

  it('does not let whoever registers an invited address first join the organisation: the invitation waits for the proof', async () => {
    const owner = await registerUser(api);
    const { createOrganization } = await gqlOk<{ createOrganization: { id: string } }>(
      api,
      CREATE_ORGANIZATION,
      { input: { name: 'Banque alimentaire', kind: 'RECIPIENT', legalId: 'W331234568' } },
      owner.accessToken,
    );
    const organizationId = createOrganization.id;
    const invitedEmail = uniqueEmail('invited');
    expect(
      (await gqlOk<{ addMember: unknown }>(api, ADD_MEMBER, { input: { organizationId, email: invitedEmail, role: 'ADMIN' } }, owner.accessToken)).addMember,
    ).toEqual({
      role: 'ADMIN',
      pending: true,
    });

    // Someone who does not own the address registers it first.
    const claimant: TestUser = await registerUnverifiedUser(api, invitedEmail);
    const membershipsBefore = await count('memberships');
    expect((await gqlOk<Me>(api, ME, {}, claimant.accessToken)).me.memberships).toEqual([]);
    // Adding the address again while it is unproved makes an invitation, never a membership.
    const again = await gqlOk<{ addMember: unknown }>(api, ADD_MEMBER, { input: { organizationId, email: invitedEmail, role: 'ADMIN' } }, owner.accessToken);
    expect(again.addMember).toEqual({ role: 'ADMIN', pending: true });
    expect(codeAndField(await gql(api, ORGANIZATION, { id: organizationId }, claimant.accessToken))).toEqual(['EMAIL_NOT_VERIFIED', 'authorization']);
    expect(await count('memberships')).toBe(membershipsBefore);

    // Only the address's owner receives the link; following it makes the membership.
    const [mail] = await waitForMails(invitedEmail, 1);
    if (mail === undefined) throw new Error('no e-mail');
    const { verifyEmail } = await gqlOk<VerifiedPayload>(api, VERIFY_EMAIL, { token: linkToken(mail) });
    const me = await gqlOk<Me>(api, ME, {}, verifyEmail.accessToken);
    expect(me.me.memberships).toEqual([{ role: 'ADMIN', pending: false, organization: { id: organizationId } }]);
  });

  it('refuses a reused, an expired and a forged token with their codes on token, writing nothing', async () => {
    const person = await registerUnverifiedUser(api);
    const [mail] = await waitForMails(person.email, 1);
    if (mail === undefined) throw new Error('no e-mail');
    const token = linkToken(mail);

    // An expired link, stored as the worker stores one.
    const expired = 'an-expired-link-token-of-forty-three-chars';
    await api.app.get(EmailVerificationTokenRepository).create({
      id: randomUUID(),
      userId: person.id,
      tokenHash: hashOpaqueToken(expired),
      expiresAt: new Date(Date.now() - 1000),
      createdAt: new Date(Date.now() - 3_600_000),
    });
    const sessions = await count('refresh_tokens');
    expect(codeAndField(await gql(api, VERIFY_EMAIL, { token: expired }))).toEqual(['EMAIL_VERIFICATION_TOKEN_EXPIRED', 'token']);
    expect(codeAndField(await gql(api, VERIFY_EMAIL, { token: `${token.slice(0, -1)}x` }))).toEqual(['EMAIL_VERIFICATION_TOKEN_INVALID', 'token']);
    expect(codeAndField(await gql(api, VERIFY_EMAIL, { token: '' }))).toEqual(['EMAIL_VERIFICATION_TOKEN_INVALID', 'token']);
    expect(await verifiedAt(person.id)).toBeNull();
    expect(await count('refresh_tokens')).toBe(sessions);

    await gqlOk(api, VERIFY_EMAIL, { token });
    const firstProof = await verifiedAt(person.id);
    expect(firstProof).not.toBeNull();
    const reused = await gql(api, VERIFY_EMAIL, { token });
    expect(codeAndField(reused)).toEqual(['EMAIL_VERIFICATION_TOKEN_USED', 'token']);
    expect(reused.errors?.[0]?.message).toMatch(/already used/);
    expect(await verifiedAt(person.id)).toEqual(firstProof);
    expect(await count('refresh_tokens')).toBe(sessions + 1);
  });

  it('sends the link again to an unverified account only, answers true for any address, and refuses a flood (RATE_LIMITED)', async () => {
    const waiting = await registerUnverifiedUser(api);
    await waitForMails(waiting.email, 1);
    // Verified without any e-mail (through the repository), so that any e-mail it receives comes from the resend.
    const verified = { email: uniqueEmail('verified') };
    await insertUser(services.dataSource, 'verified', verified.email);
    const nobody = uniqueEmail('nobody');

    for (const email of [waiting.email, verified.email, nobody]) {
      expect(await gqlOk(api, RESEND, { email })).toEqual({ resendVerificationEmail: true });
    }
    const [, second] = await waitForMails(waiting.email, 2);
    if (second === undefined) throw new Error('no second e-mail');
    // Each send makes a fresh link; earlier ones keep working until one of them is used or they expire.
    const firstToken = linkToken(mailsTo(waiting.email)[0]);
    expect(linkToken(second)).not.toBe(firstToken);

    // Two more for this address are allowed within the hour (three in all), then it is refused whether or not the address has an account.
    await gqlOk(api, RESEND, { email: waiting.email });
    await gqlOk(api, RESEND, { email: waiting.email });
    const outboxBefore = await count('outbox_jobs');
    const flood = await gql(api, RESEND, { email: waiting.email });
    expect(flood.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', params: { retryAfterSeconds: expect.any(Number) as number } });
    for (let i = 0; i < 2; i++) await gqlOk(api, RESEND, { email: nobody });
    expect(codeAndField(await gql(api, RESEND, { email: nobody }))[0]).toBe('RATE_LIMITED');
    expect(await count('outbox_jobs')).toBe(outboxBefore);
    await waitForMails(waiting.email, 4);
    expect(mailsTo(verified.email)).toHaveLength(0);
    expect(mailsTo(nobody)).toHaveLength(0);
  });
});
