import { composeOfferEmail, type OfferEmailFacts } from './offer-email.template';

const facts: OfferEmailFacts = {
  offerId: '7f1c0e5a-0000-4000-8000-000000000001',
  offerTitle: 'Yaourts <nature> & fromages',
  donorName: 'Carrefour Market Lyon 3',
  siteName: 'Entrepôt',
  siteAddress: '12 rue Garibaldi, 69003 Lyon',
  pickupFrom: new Date('2026-11-23T13:00:00Z'),
  pickupUntil: new Date('2026-11-23T17:00:00Z'),
  availableKg: 42.5,
  distanceKm: 3.14159,
  recipientName: 'Restos du Cœur Lyon',
  reasons: [
    { fr: 'À 3,1 km, dans votre rayon de 10 km', en: '3.1 km away, within your 10 km radius' },
    { fr: 'Place en frais : 80 kg libres', en: 'Chilled space: 80 kg free' },
  ],
  publicUrl: 'https://glane.example',
};

describe('the e-mail about a matched offer', () => {
  const message = composeOfferEmail(facts, ['a@asso.example', 'b@asso.example']);

  it('goes to the given members, with the offer and the recipient in the subject', () => {
    expect(message.to).toEqual(['a@asso.example', 'b@asso.example']);
    expect(message.subject).toContain('Restos du Cœur Lyon');
    expect(message.subject).toContain(facts.offerTitle);
  });

  it('says it in French first, then in English, with the window in Paris time', () => {
    const frenchAt = message.text.indexOf('Une offre correspond');
    const englishAt = message.text.indexOf('An offer matches');
    expect(frenchAt).toBeGreaterThanOrEqual(0);
    expect(englishAt).toBeGreaterThan(frenchAt);
    expect(message.text).toContain('lundi 23 novembre 2026 à 14:00');
    expect(message.text).toMatch(/Monday,? 23 November 2026 at 14:00/);
    expect(message.text).toContain('3,1 km');
    expect(message.text).toContain('42,5 kg');
  });

  it('lists every reason in each language and links to the offer', () => {
    for (const reason of facts.reasons) {
      expect(message.text).toContain(`- ${reason.fr}`);
      expect(message.text).toContain(`- ${reason.en}`);
    }
    expect(message.text).toContain('https://glane.example/offers/7f1c0e5a-0000-4000-8000-000000000001');
    expect(message.html).toContain('href="https://glane.example/offers/7f1c0e5a-0000-4000-8000-000000000001"');
  });

  it('escapes what users typed in the HTML body', () => {
    expect(message.html).toContain('Yaourts &lt;nature&gt; &amp; fromages');
    expect(message.html).not.toContain('<nature>');
    expect(message.html).toContain('<li>Place en frais : 80 kg libres</li>');
  });
});
