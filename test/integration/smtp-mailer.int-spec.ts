import { composeOfferEmail } from '#application';
import { SmtpMailer } from '#jobs';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';

describe('the SMTP mailer, against a real local SMTP server', () => {
  let smtp: SmtpTestServer;
  let mailer: SmtpMailer;

  beforeAll(async () => {
    smtp = await startSmtpTestServer();
    mailer = new SmtpMailer(smtp.url, 'Glane <no-reply@glane.local>');
  });

  afterAll(async () => {
    mailer?.close();
    await smtp?.close();
  });

  it('delivers the offer e-mail to every address, with its subject, text and HTML intact', async () => {
    const message = composeOfferEmail(
      {
        offerId: '00000000-0000-4000-8000-0000000000aa',
        offerTitle: 'Crème fraîche & œufs',
        donorName: 'Épicerie Générale',
        siteName: 'Réserve',
        siteAddress: '1 place Bellecour, 69002 Lyon',
        pickupFrom: new Date('2026-11-23T13:00:00Z'),
        pickupUntil: new Date('2026-11-23T17:00:00Z'),
        availableKg: 12,
        distanceKm: 2.5,
        recipientName: 'Secours Populaire Lyon',
        reasons: [{ fr: 'À 2,5 km de votre site', en: '2.5 km from your site' }],
        publicUrl: 'http://localhost:3000',
      },
      ['admin@asso.example', 'staff@asso.example'],
    );
    await mailer.send(message);
    const [received] = await smtp.waitFor((messages) => messages.length === 1);
    expect(received?.to).toEqual(['admin@asso.example', 'staff@asso.example']);
    expect(received?.from).toBe('no-reply@glane.local');
    expect(received?.subject).toBe(message.subject);
    expect(received?.text.trim()).toBe(message.text.trim());
    expect(received?.html).toContain('Crème fraîche &amp; œufs');
    expect(received?.text).toContain('- À 2,5 km de votre site');
    expect(received?.text).toContain('http://localhost:3000/offers/00000000-0000-4000-8000-0000000000aa');
  });

  it('sends nothing when there is nobody to write to', async () => {
    const before = smtp.messages.length;
    await mailer.send({ to: [], subject: 's', text: 't', html: '<p>t</p>' });
    expect(smtp.messages.length).toBe(before);
  });
});
