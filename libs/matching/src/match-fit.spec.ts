import { matchFit } from './match-fit';

describe('matchFit', () => {
  it('is the whole lot when the recipient can take every kg left, to the gram', () => {
    expect(matchFit(120, 120)).toBe('WHOLE_LOT');
    expect(matchFit(119.9995, 120)).toBe('WHOLE_LOT');
    expect(matchFit(400, 120)).toBe('WHOLE_LOT');
  });

  it('is part of the lot otherwise', () => {
    expect(matchFit(119.99, 120)).toBe('PART_OF_LOT');
    expect(matchFit(0, 120)).toBe('PART_OF_LOT');
  });
});
