import { DomainError } from '../errors/domain-error';
import { ClaimStatus } from '../shared/claim-status';

/** What can happen to a claim once it is confirmed. */
export const ClaimEvent = {
  /** By the recipient before collection, or by the donor (with a reason), or with the offer's withdrawal. */
  CANCEL: 'CANCEL',
  COLLECT: 'COLLECT',
  DELIVER: 'DELIVER',
  /**
   * The goods are refused (capacity, visual check, hygiene, temperature): by the driver at collection,
   * or by the recipient at delivery (docs/domain-rules.md, Refusal).
   */
  REFUSE: 'REFUSE',
} as const;
export type ClaimEvent = (typeof ClaimEvent)[keyof typeof ClaimEvent];
export const CLAIM_EVENTS: readonly ClaimEvent[] = Object.values(ClaimEvent);

type TransitionTable = { readonly [S in ClaimStatus]: Readonly<Partial<Record<ClaimEvent, ClaimStatus>>> };

/**
 * The whole lifecycle; any pair not listed is illegal. A claim is cancelled only before its goods
 * leave the donor's site (nobody there to hand them over cancels it too); goods may be refused at
 * collection or at delivery; once collected a claim ends delivered or refused.
 */
export const CLAIM_TRANSITIONS: TransitionTable = {
  CONFIRMED: { CANCEL: ClaimStatus.CANCELLED, COLLECT: ClaimStatus.COLLECTED, REFUSE: ClaimStatus.REFUSED },
  COLLECTED: { DELIVER: ClaimStatus.DELIVERED, REFUSE: ClaimStatus.REFUSED },
  CANCELLED: {},
  DELIVERED: {},
  REFUSED: {},
};

export function canApplyClaimEvent(from: ClaimStatus, event: ClaimEvent): boolean {
  return CLAIM_TRANSITIONS[from][event] !== undefined;
}

export function nextClaimStatus(from: ClaimStatus, event: ClaimEvent): ClaimStatus {
  const to = CLAIM_TRANSITIONS[from][event];
  if (to === undefined) throw new DomainError('ILLEGAL_CLAIM_TRANSITION', undefined, { from, event });
  return to;
}

export function isTerminalClaimStatus(status: ClaimStatus): boolean {
  return Object.keys(CLAIM_TRANSITIONS[status]).length === 0;
}
