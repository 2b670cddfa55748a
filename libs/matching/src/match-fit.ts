/**
 * How much of a lot a recipient could take, said coarsely enough to show the donor: the exact kg
 * would reveal the recipient's free storage, which is its own business.
 */
export const MatchFit = { WHOLE_LOT: 'WHOLE_LOT', PART_OF_LOT: 'PART_OF_LOT' } as const;
export type MatchFit = (typeof MatchFit)[keyof typeof MatchFit];

// Kilograms are kept to the gram: anything closer than that is the whole lot.
const GRAM = 0.001;

export function matchFit(absorbableKg: number, offerKg: number): MatchFit {
  return absorbableKg + GRAM >= offerKg ? MatchFit.WHOLE_LOT : MatchFit.PART_OF_LOT;
}
