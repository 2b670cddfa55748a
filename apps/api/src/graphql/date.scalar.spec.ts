import { Kind } from 'graphql';
import { DateScalar } from './date.scalar';

describe('the Date scalar (YYYY-MM-DD)', () => {
  it('keeps a real day as its string', () => {
    expect(DateScalar.parseValue('2026-03-12')).toBe('2026-03-12');
    expect(DateScalar.serialize('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2026-12-31' })).toBe('2026-12-31');
  });

  it.each(['2026-02-30', '2025-02-29', '2026-3-12', '12/03/2026', '2026-03-12T00:00:00Z', '', ' 2026-03-12'])('refuses %j', (raw) => {
    expect(() => DateScalar.parseValue(raw)).toThrow(/Invalid date: expected a day as YYYY-MM-DD/);
  });

  it('refuses what is not a string', () => {
    expect(() => DateScalar.parseValue(20260312)).toThrow(/Invalid date/);
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20260312' })).toThrow(/Invalid date/);
  });
});
