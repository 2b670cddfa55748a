import type { Invitation, Membership, Organization, Site } from '#application';
import {
  assertNever,
  GeoPoint,
  isMemberRole,
  isOrganizationKind,
  LegalIdKind,
  OpeningHours,
  parseClosurePeriods,
  parseRna,
  parseSiret,
  RecipientProfile,
  TemperatureClass,
  type LegalId,
  type MemberRole,
  type NormalizedEmail,
  type OrganizationKind,
} from '#domain';
import type { InvitationEntity } from './invitation.entity';
import type { MembershipEntity } from './membership.entity';
import type { OrganizationEntity } from './organization.entity';
import type { RecipientProfileEntity } from './recipient-profile.entity';
import type { SiteEntity } from './site.entity';

// Stored rows passed the domain's rules when written (and the table checks); a row that no longer
// does is a bug or a hand edit, reported as such rather than as a client's bad input.
function corrupt(what: string, value: unknown): never {
  throw new Error(`Stored ${what} is invalid: ${String(value)}`);
}

export function toOrganizationKind(value: string): OrganizationKind {
  return isOrganizationKind(value) ? value : corrupt('organization kind', value);
}

export function toMemberRole(value: string): MemberRole {
  return isMemberRole(value) ? value : corrupt('member role', value);
}

function toLegalId(kind: string, value: string): LegalId {
  if (kind === LegalIdKind.SIRET) return { kind: LegalIdKind.SIRET, value: parseSiret(value) };
  if (kind === LegalIdKind.RNA) return { kind: LegalIdKind.RNA, value: parseRna(value) };
  return corrupt('legal id kind', kind);
}

export function toOrganization(row: OrganizationEntity): Organization {
  return {
    id: row.id,
    kind: toOrganizationKind(row.kind),
    name: row.name,
    legalId: toLegalId(row.legalIdKind, row.legalId),
    habilitationReference: row.habilitationReference,
    verifiedAt: row.verifiedAt,
    verifiedBy: row.verifiedBy,
    createdAt: row.createdAt,
  };
}

export function toMembership(row: Pick<MembershipEntity, 'organizationId' | 'userId' | 'role' | 'createdAt'>): Membership {
  return { organizationId: row.organizationId, userId: row.userId, role: toMemberRole(row.role), createdAt: row.createdAt };
}

export function toInvitation(row: InvitationEntity): Invitation {
  return {
    id: row.id,
    organizationId: row.organizationId,
    email: row.email as NormalizedEmail,
    role: toMemberRole(row.role),
    invitedBy: row.invitedBy,
    createdAt: row.createdAt,
    acceptedAt: row.acceptedAt,
  };
}

export function toSite(row: SiteEntity): Site {
  const [longitude, latitude] = row.location.coordinates;
  if (longitude === undefined || latitude === undefined) corrupt('site location', JSON.stringify(row.location));
  return {
    id: row.id,
    organizationId: row.organizationId,
    name: row.name,
    address: row.address,
    location: GeoPoint.of(latitude, longitude),
    openingHours: OpeningHours.parse(row.openingHours),
    closures: parseClosurePeriods(row.closures),
    accessInstructions: row.accessInstructions,
    createdAt: row.createdAt,
  };
}

export function toSiteEntity(site: Site): SiteEntity {
  return {
    id: site.id,
    organizationId: site.organizationId,
    name: site.name,
    address: site.address,
    // GeoJSON order is longitude, latitude.
    location: { type: 'Point', coordinates: [site.location.longitude, site.location.latitude] },
    openingHours: site.openingHours.toInput(),
    closures: site.closures.map((closure) => ({ from: closure.from, to: closure.to })),
    accessInstructions: site.accessInstructions,
    createdAt: site.createdAt,
  };
}

export function toRecipientProfile(row: RecipientProfileEntity): RecipientProfile {
  return RecipientProfile.parse({
    acceptedCategories: row.acceptedCategories,
    capacities: [
      { temperature: TemperatureClass.AMBIENT, kg: row.ambientCapacityKg },
      { temperature: TemperatureClass.CHILLED, kg: row.chilledCapacityKg },
      { temperature: TemperatureClass.FROZEN, kg: row.frozenCapacityKg },
    ],
    serviceRadiusKm: row.serviceRadiusKm,
    dlcMarginHours: row.dlcMarginHours,
    redistributesFaster: row.redistributesFaster,
    peoplePerWeek: row.peoplePerWeek,
  });
}

export function toRecipientProfileEntity(organizationId: string, profile: RecipientProfile, updatedAt: Date): RecipientProfileEntity {
  const row: RecipientProfileEntity = {
    organizationId,
    acceptedCategories: [...profile.acceptedCategories],
    ambientCapacityKg: 0,
    chilledCapacityKg: 0,
    frozenCapacityKg: 0,
    serviceRadiusKm: profile.serviceRadiusKm,
    dlcMarginHours: profile.dlcMarginHours,
    redistributesFaster: profile.redistributesFaster,
    peoplePerWeek: profile.peoplePerWeek,
    updatedAt,
  };
  for (const { temperature, kg } of profile.capacities) {
    switch (temperature) {
      case TemperatureClass.AMBIENT:
        row.ambientCapacityKg = kg;
        break;
      case TemperatureClass.CHILLED:
        row.chilledCapacityKg = kg;
        break;
      case TemperatureClass.FROZEN:
        row.frozenCapacityKg = kg;
        break;
      default:
        assertNever(temperature, 'temperature class');
    }
  }
  return row;
}
