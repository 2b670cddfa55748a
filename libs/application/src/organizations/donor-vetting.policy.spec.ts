import { OrganizationKind } from '#domain';
import { assertMayActAsDonor, mayActAsDonor } from './donor-vetting.policy';

describe('donor vetting', () => {
  const verifiedAt = new Date('2026-11-20T10:00:00Z');

  it('lets only a verified donor act', () => {
    expect(mayActAsDonor({ kind: OrganizationKind.DONOR, verifiedAt })).toBe(true);
    expect(mayActAsDonor({ kind: OrganizationKind.DONOR, verifiedAt: null })).toBe(false);
    expect(mayActAsDonor({ kind: OrganizationKind.RECIPIENT, verifiedAt })).toBe(false);
  });

  it('says why not, on the field given', () => {
    expect(() => assertMayActAsDonor({ kind: OrganizationKind.DONOR, verifiedAt }, 'id')).not.toThrow();
    expect(() => assertMayActAsDonor({ kind: OrganizationKind.DONOR, verifiedAt: null }, 'id')).toThrow(
      expect.objectContaining({ code: 'ORGANIZATION_NOT_VERIFIED', field: 'id' }) as Error,
    );
    expect(() => assertMayActAsDonor({ kind: OrganizationKind.RECIPIENT, verifiedAt }, 'offerId')).toThrow(
      expect.objectContaining({ code: 'NOT_A_DONOR', field: 'offerId' }) as Error,
    );
    expect(() => assertMayActAsDonor(undefined, 'offerId')).toThrow(expect.objectContaining({ code: 'NOT_A_DONOR' }) as Error);
  });
});
