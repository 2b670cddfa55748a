import { parseOptionalText, parseRequiredText } from './text-field';

describe('text fields', () => {
  const name = { code: 'INVALID_SITE_NAME', max: 10 } as const;

  it('trims and keeps accents, apostrophes and emoji; counts code points', () => {
    expect(parseRequiredText('  Cœur d’Or ', 'name', name)).toBe('Cœur d’Or');
    expect(parseRequiredText('🍞🍞🍞🍞🍞🍞🍞🍞🍞🍞', 'name', name)).toHaveLength(20);
  });

  it('refuses blank, too long, and control characters, naming the field', () => {
    for (const raw of ['   ', 'x'.repeat(11), 'a\u0000b', 'two\nlines']) {
      expect(() => parseRequiredText(raw, 'name', name)).toThrow(expect.objectContaining({ code: 'INVALID_SITE_NAME', field: 'name', params: { max: 10 } }));
    }
  });

  it('allows line breaks where text spans lines, and reads blank optional text as none', () => {
    expect(parseRequiredText('1 rue X\r\n69001 Lyon', 'address', { code: 'INVALID_ADDRESS', max: 50, multiline: true })).toBe('1 rue X\r\n69001 Lyon');
    expect(parseOptionalText('  ', 'accessInstructions', { code: 'INVALID_ACCESS_INSTRUCTIONS', max: 5 })).toBeNull();
    expect(parseOptionalText(null, 'accessInstructions', { code: 'INVALID_ACCESS_INSTRUCTIONS', max: 5 })).toBeNull();
  });
});
