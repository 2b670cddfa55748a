export * from './match-candidate-finder.port';
export * from './matching-context.builder';
export * from './offer-match.model';
export * from './offer-match-disclosure';
export * from './rank-offer-candidates';
export * from './claimable-offer-cursor';
export * from './find-offer-matches.use-case';
export * from './find-claimable-offers.use-case';
