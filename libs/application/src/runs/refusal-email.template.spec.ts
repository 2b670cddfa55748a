import { composeRefusalEmail, type RefusalEmailFacts } from './refusal-email.template';

const facts: RefusalEmailFacts = {
  offerId: '7f1c0e5a-0000-4000-8000-000000000001',
  offerTitle: 'Épicerie <sèche> & conserves',
  recipientName: 'Épicerie solidaire des Chartrons',
  refusedKg: 4.5,
  acceptedKg: 0,
  reason: 'VISUAL_CHECK',
  note: 'cartons écrasés',
  temperatureC: null,
  publicUrl: 'https://glane.example',
};

describe('the e-mail that tells a donor its goods were refused', () => {
  it('says how many kilos and why, in French first, then in English, with a link to the offer', () => {
    const message = composeRefusalEmail(facts, ['donateur@shop.example']);
    expect(message.to).toEqual(['donateur@shop.example']);
    expect(message.subject).toBe(`Don refusé : ${facts.offerTitle} / Donation refused: ${facts.offerTitle}`);
    const frenchAt = message.text.indexOf('4,5 kg de « Épicerie <sèche> & conserves » destinés à Épicerie solidaire des Chartrons ont été refusés.');
    const englishAt = message.text.indexOf('4.5 kg of "Épicerie <sèche> & conserves" for Épicerie solidaire des Chartrons were refused.');
    expect(frenchAt).toBeGreaterThanOrEqual(0);
    expect(englishAt).toBeGreaterThan(frenchAt);
    expect(message.text).toContain('Motif : aspect des produits au contrôle visuel (cartons écrasés).');
    expect(message.text).toContain('Reason: what the visual check showed (cartons écrasés).');
    expect(message.text).toContain('https://glane.example/offers/7f1c0e5a-0000-4000-8000-000000000001');
    expect(message.html).toContain('Épicerie &lt;sèche&gt; &amp; conserves');
    expect(message.html).not.toContain('<sèche>');
  });

  it('says a partial refusal at delivery for what it is: the kilos refused and the kilos the recipient accepted', () => {
    const message = composeRefusalEmail({ ...facts, acceptedKg: 13.5, reason: 'CAPACITY', note: null, temperatureC: 6.5 }, ['donateur@shop.example']);
    expect(message.subject).toBe(`Don refusé en partie : ${facts.offerTitle} / Donation partly refused: ${facts.offerTitle}`);
    const frenchAt = message.text.indexOf(
      '4,5 kg de « Épicerie <sèche> & conserves » ont été refusés à la livraison par Épicerie solidaire des Chartrons, qui en a accepté 13,5 kg.',
    );
    const englishAt = message.text.indexOf(
      '4.5 kg of "Épicerie <sèche> & conserves" were refused at delivery by Épicerie solidaire des Chartrons, which accepted 13.5 kg.',
    );
    expect(frenchAt).toBeGreaterThanOrEqual(0);
    expect(englishAt).toBeGreaterThan(frenchAt);
    expect(message.text).toContain('Motif : plus de place pour les stocker.');
    expect(message.text).toContain('Température relevée : 6,5 °C.');
    expect(message.text).toContain('Temperature read: 6.5 °C.');
  });
});
