import { DomainError } from '../errors/domain-error';
import { assertNever } from '../shared/assert-never';
import { OrganizationKind } from '../shared/organization-kind';
import { normalizeRna, parseRna, type Rna } from './rna';
import { parseSiret, type Siret } from './siret';

export const LegalIdKind = {
  SIRET: 'SIRET',
  RNA: 'RNA',
} as const;
export type LegalIdKind = (typeof LegalIdKind)[keyof typeof LegalIdKind];

export type LegalId = { readonly kind: typeof LegalIdKind.SIRET; readonly value: Siret } | { readonly kind: typeof LegalIdKind.RNA; readonly value: Rna };

/**
 * Donors are businesses and always have a SIRET. Recipients are often associations that have no
 * SIRET (no employees, no subsidies), so an RNA number is enough for them.
 *
 * The error names what was most likely meant: an input that looks like an RNA (starts with W) is
 * judged as one, anything else as a SIRET; INVALID_LEGAL_ID is for an RNA given by a donor.
 */
export function parseLegalId(raw: string, kind: OrganizationKind, field = 'legalId'): LegalId {
  const looksLikeRna = normalizeRna(raw).startsWith('W');
  switch (kind) {
    case OrganizationKind.DONOR:
      if (looksLikeRna) throw new DomainError('INVALID_LEGAL_ID', field, { expected: 'SIRET' });
      return { kind: LegalIdKind.SIRET, value: parseSiret(raw, field) };
    case OrganizationKind.RECIPIENT:
      return looksLikeRna ? { kind: LegalIdKind.RNA, value: parseRna(raw, field) } : { kind: LegalIdKind.SIRET, value: parseSiret(raw, field) };
    default:
      return assertNever(kind, 'organization kind');
  }
}
