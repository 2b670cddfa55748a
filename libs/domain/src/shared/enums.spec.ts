import { CLAIM_STATUSES, ClaimStatus, isClaimStatus } from './claim-status';
import { DATE_KINDS, DateKind, isDateKind } from './date-kind';
import { isMemberRole, MEMBER_ROLES, MemberRole } from './member-role';
import { isOfferStatus, OFFER_STATUSES, OfferStatus } from './offer-status';
import { isOrganizationKind, ORGANIZATION_KINDS, OrganizationKind } from './organization-kind';
import { TEMPERATURE_CLASSES } from './temperature-class';

// The GraphQL enums of the contract must match these lists exactly, names and order.
describe('domain enums', () => {
  it.each([
    ['OrganizationKind', ORGANIZATION_KINDS, ['DONOR', 'RECIPIENT']],
    ['MemberRole', MEMBER_ROLES, ['ADMIN', 'STAFF', 'DRIVER']],
    ['DateKind', DATE_KINDS, ['DLC', 'DDM', 'NONE']],
    ['OfferStatus', OFFER_STATUSES, ['DRAFT', 'PUBLISHED', 'PARTIALLY_CLAIMED', 'CLAIMED', 'COLLECTED', 'CLOSED', 'WITHDRAWN', 'EXPIRED']],
    ['ClaimStatus', CLAIM_STATUSES, ['CONFIRMED', 'CANCELLED', 'COLLECTED', 'DELIVERED', 'REFUSED']],
    ['TemperatureClass', TEMPERATURE_CLASSES, ['AMBIENT', 'CHILLED', 'FROZEN']],
  ])('%s lists exactly the contract values', (_name, all, expected) => {
    expect(all).toEqual(expected);
  });

  it('keeps each key equal to its value, so a GraphQL enum registered from the object serialises the same', () => {
    for (const object of [OrganizationKind, MemberRole, DateKind, OfferStatus, ClaimStatus]) {
      for (const [key, value] of Object.entries(object)) expect(value).toBe(key);
    }
  });

  it('recognises only its own values', () => {
    expect(isOrganizationKind('DONOR')).toBe(true);
    expect(isOrganizationKind('donor')).toBe(false);
    expect(isMemberRole('DRIVER')).toBe(true);
    expect(isMemberRole('OWNER')).toBe(false);
    expect(isDateKind('NONE')).toBe(true);
    expect(isDateKind(undefined)).toBe(false);
    expect(isOfferStatus('EXPIRED')).toBe(true);
    expect(isOfferStatus('toString')).toBe(false);
    expect(isClaimStatus('REFUSED')).toBe(true);
    expect(isClaimStatus(3)).toBe(false);
  });
});
