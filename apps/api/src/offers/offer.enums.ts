import { registerEnumType } from '@nestjs/graphql';
import { ClaimStatus, DateKind, OfferStatus } from '#domain';

// The GraphQL enums are the domain's own const objects, so the two cannot drift apart. Other
// modules (claims, matching) import them from here rather than registering them again.
registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  description: 'DRAFT → PUBLISHED → PARTIALLY_CLAIMED → CLAIMED → COLLECTED → CLOSED, or WITHDRAWN, or EXPIRED.',
});
registerEnumType(DateKind, { name: 'DateKind', description: 'DLC: use-by (a safety date); DDM: best-before (a quality date); NONE: no date.' });
registerEnumType(ClaimStatus, { name: 'ClaimStatus', description: 'Where a recipient’s claim on an offer stands.' });

export { ClaimStatus, DateKind, OfferStatus };
