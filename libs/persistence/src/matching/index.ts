export * from './matching-persistence.module';
export * from './match-candidate.repository';
export * from './match-candidate.sql';
export { candidateParameters, categoriesWithAncestors } from './match-candidate.mapper';
export { loadClaimableCandidates, type RowQuery } from './claimable-candidates.loader';
export { TimetableCache } from './match-candidate.mapper';
