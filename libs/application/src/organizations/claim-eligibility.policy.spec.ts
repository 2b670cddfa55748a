import { DomainError, OrganizationKind } from '#domain';
import { assertMayClaim, mayClaim } from './claim-eligibility.policy';

describe('claim eligibility (habilitation checked before claiming, docs/domain-rules.md)', () => {
  const verifiedAt = new Date('2026-03-01T09:00:00Z');

  it('lets only a verified recipient claim', () => {
    expect(mayClaim({ kind: OrganizationKind.RECIPIENT, verifiedAt })).toBe(true);
    expect(mayClaim({ kind: OrganizationKind.RECIPIENT, verifiedAt: null })).toBe(false);
    expect(mayClaim({ kind: OrganizationKind.DONOR, verifiedAt })).toBe(false);
  });

  it('says why not, with a code and the field', () => {
    expect(() => assertMayClaim({ kind: OrganizationKind.RECIPIENT, verifiedAt })).not.toThrow();
    expect(() => assertMayClaim({ kind: OrganizationKind.RECIPIENT, verifiedAt: null })).toThrow(new DomainError('RECIPIENT_NOT_VERIFIED', 'organizationId'));
    expect(() => assertMayClaim({ kind: OrganizationKind.DONOR, verifiedAt }, 'input.organizationId')).toThrow(
      new DomainError('NOT_A_RECIPIENT', 'input.organizationId'),
    );
    try {
      assertMayClaim({ kind: OrganizationKind.RECIPIENT, verifiedAt: null });
    } catch (error) {
      expect(error).toMatchObject({ code: 'RECIPIENT_NOT_VERIFIED', field: 'organizationId' });
    }
  });
});
