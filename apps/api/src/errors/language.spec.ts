import { preferredLanguage } from './language';

describe('preferredLanguage', () => {
  it.each([
    [undefined, 'fr'],
    ['', 'fr'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,en;q=0.5', 'en'],
    ['de-DE', 'fr'],
  ] as const)('Accept-Language %p gives %p', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});
