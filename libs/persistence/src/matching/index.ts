export * from './matching-persistence.module';
export * from './match-candidate.repository';
export * from './match-candidate.sql';
export { candidateParameters, categoriesWithAncestors } from './match-candidate.mapper';
export { claimsCountedFrom, readClaimableOffers, type SqlClient } from './claimable-offers.reader';
export * from './claimable-offers.sql';
export { TimetableCache } from './match-candidate.mapper';
