export * from './offers-persistence.module';
export * from './offer.entity';
export * from './offer-item.entity';
export * from './claim.entity';
export * from './claim-line.entity';
export * from './offers.mapper';
export * from './offer.repository';
