import type { Membership, Organization, Site } from '#application';
import type { Category, RecipientProfile } from '#domain';
import type { Language } from '../errors/error-messages';
import type { CategoryType } from './category.type';
import type { MembershipType, OrganizationType } from './organization.type';
import type { RecipientProfileType } from './recipient-profile.type';
import type { SiteType } from './site.type';

// Application models to GraphQL shapes: resolvers never hand out what persistence returned.

export function presentOrganization(organization: Organization): OrganizationType {
  return {
    id: organization.id,
    name: organization.name,
    kind: organization.kind,
    legalId: organization.legalId.value,
    verified: organization.verifiedAt !== null,
    verifiedAt: organization.verifiedAt,
    habilitationReference: organization.habilitationReference,
  };
}

export function presentSite(site: Site): SiteType {
  return {
    id: site.id,
    organizationId: site.organizationId,
    name: site.name,
    address: site.address,
    location: site.location.toJSON(),
    openingHours: site.openingHours.toInput().map((day) => ({ weekday: day.weekday, intervals: day.intervals.map((i) => ({ start: i.start, end: i.end })) })),
    closures: site.closures.map((closure) => ({ from: closure.from, to: closure.to })),
    accessInstructions: site.accessInstructions,
  };
}

export function presentRecipientProfile(profile: RecipientProfile): RecipientProfileType {
  return {
    acceptedCategories: [...profile.acceptedCategories],
    capacities: profile.capacities.map((capacity) => ({ temperature: capacity.temperature, kg: capacity.kg })),
    serviceRadiusKm: profile.serviceRadiusKm,
    dlcMarginHours: profile.dlcMarginHours,
    redistributesFaster: profile.redistributesFaster,
    peoplePerWeek: profile.peoplePerWeek,
  };
}

export function presentMembership(membership: Pick<Membership, 'organizationId' | 'role'>, pending = false): MembershipType {
  return { organizationId: membership.organizationId, role: membership.role, pending };
}

export function presentCategory(category: Category, language: Language): CategoryType {
  return { code: category.code, label: language === 'en' ? category.labelEn : category.labelFr, parentCode: category.parentCode };
}
