import { parseEmail } from '#domain';
import { Mailer, type MailMessage } from '../notifications/mailer.port';
import type { EmailVerificationSettings } from './email-verification-settings.port';
import { inMemoryAccounts } from './in-memory-accounts.fake';
import { hashOpaqueToken } from './opaque-token';
import { SendVerificationEmail } from './send-verification-email.use-case';

class RecordingMailer extends Mailer {
  readonly sent: MailMessage[] = [];
  async send(message: MailMessage): Promise<void> {
    this.sent.push(message);
  }
}

const WAITING = '00000000-0000-4000-8000-000000000001';
const DONE = '00000000-0000-4000-8000-000000000002';

async function setup() {
  const world = inMemoryAccounts();
  for (const [id, email, verified] of [
    [WAITING, 'waiting@example.fr', false],
    [DONE, 'done@example.fr', true],
  ] as const) {
    await world.users.create({
      id,
      email: parseEmail(email),
      displayName: 'Marie <Dupont>',
      passwordHash: 'hashed:x',
      platformAdmin: false,
      emailVerifiedAt: verified ? world.clock.now() : null,
      createdAt: world.clock.now(),
    });
  }
  const mailer = new RecordingMailer();
  const settings: EmailVerificationSettings = { tokenTtlMs: 48 * 3_600_000, publicUrl: 'https://glane.example' };
  const send = new SendVerificationEmail(world.users, world.verificationTokens, mailer, settings, world.clock);
  return { ...world, mailer, send };
}

describe('SendVerificationEmail', () => {
  it('e-mails a link whose token is stored only as its hash, valid for the configured time', async () => {
    const { send, mailer, verificationTokens, clock } = await setup();
    expect(await send.execute({ userId: WAITING })).toBe('SENT');
    const [mail] = mailer.sent;
    expect(mail?.to).toEqual(['waiting@example.fr']);
    const token = /https:\/\/glane\.example\/verify-email\?token=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
    expect(token).toBeDefined();
    const [stored] = [...verificationTokens.rows.values()];
    expect(stored).toMatchObject({ userId: WAITING, tokenHash: hashOpaqueToken(token ?? ''), usedAt: null });
    expect(stored?.expiresAt.getTime()).toBe(clock.now().getTime() + 48 * 3_600_000);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('writes French first and English below, in text and HTML, with the name escaped in HTML', async () => {
    const { send, mailer } = await setup();
    await send.execute({ userId: WAITING });
    const [mail] = mailer.sent;
    const text = mail?.text ?? '';
    expect(text.indexOf('Bonjour Marie <Dupont>')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Bonjour')).toBeLessThan(text.indexOf('Hello'));
    expect(mail?.subject).toBe('Confirmez votre adresse e-mail / Confirm your email address');
    expect(mail?.html).toContain('Marie &lt;Dupont&gt;');
    expect(mail?.html).toMatch(/<div lang="fr">.*<\/div>\n<hr>\n<div lang="en">/s);
  });

  it('sends nothing to an account verified meanwhile, or to one that no longer exists', async () => {
    const { send, mailer, verificationTokens } = await setup();
    expect(await send.execute({ userId: DONE })).toBe('ALREADY_VERIFIED');
    expect(await send.execute({ userId: '00000000-0000-4000-8000-000000000009' })).toBe('NO_ACCOUNT');
    expect(mailer.sent).toEqual([]);
    expect(verificationTokens.rows.size).toBe(0);
  });
});
