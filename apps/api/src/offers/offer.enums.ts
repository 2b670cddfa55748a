import { registerEnumType } from '@nestjs/graphql';
import { ClaimStatus, DateKind, OfferStatus, RefusalReason } from '#domain';

// The GraphQL enums are the domain's own const objects, so the two cannot drift apart. Other
// modules (claims, matching) import them from here rather than registering them again.
registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description:
    'DRAFT → PUBLISHED → PARTIALLY_CLAIMED → CLAIMED → COLLECTED, or WITHDRAWN, or EXPIRED (→ COLLECTED). COLLECTED: nothing remains to claim and ' +
    'the goods of every claim have left the donor’s site. CLOSED is not reached yet.',
});
registerEnumType(DateKind, { name: 'DateKind', description: 'DLC: use-by (a safety date); DDM: best-before (a quality date); NONE: no date.' });
registerEnumType(ClaimStatus, { name: 'ClaimStatus', description: 'Where a recipient’s claim on an offer stands.' });
registerEnumType(RefusalReason, {
  name: 'RefusalReason',
  description:
    'Why goods were refused: no room (CAPACITY), what the visual check showed, hygiene, a temperature out of its limit, or another reason (written out).',
});

export { ClaimStatus, DateKind, OfferStatus, RefusalReason };
