import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  AcceptPendingInvitations,
  AddMember,
  AddSite,
  Authorizer,
  CreateOrganization,
  GetMembershipsOfUsers,
  GetOrganizations,
  GetOrganizationsByLegalId,
  GetRecipientProfiles,
  GetSitesOfOrganizations,
  InvitationAcceptor,
  ListCategories,
  ListOrganizationMembers,
  SetRecipientProfile,
  VerifyOrganization,
} from '#application';
import { OrganizationsPersistenceModule } from '#persistence';
import { AuthorizationGuard } from '../auth/authorization.guard';
import { MembershipFieldsResolver } from './membership-fields.resolver';
import { OrganizationFieldsResolver } from './organization-fields.resolver';
import { OrganizationLoaders } from './organization.loaders';
import { OrganizationsResolver } from './organizations.resolver';
import { SiteFieldsResolver } from './site-fields.resolver';
import { UserMembershipsResolver } from './user-memberships.resolver';

/**
 * Organisations, members, sites, recipient profiles and categories; and the membership rule with
 * the global authorization guard that applies it to every operation. Global: feature modules
 * (offers, claims, runs) use the Authorizer, the repositories and the loaders without importing it,
 * and accounts' registration finds the InvitationAcceptor here.
 */
@Global()
@Module({
  imports: [OrganizationsPersistenceModule],
  providers: [
    CreateOrganization,
    VerifyOrganization,
    AddSite,
    AddMember,
    SetRecipientProfile,
    AcceptPendingInvitations,
    GetOrganizations,
    GetOrganizationsByLegalId,
    GetSitesOfOrganizations,
    GetRecipientProfiles,
    GetMembershipsOfUsers,
    ListOrganizationMembers,
    ListCategories,
    Authorizer,
    OrganizationLoaders,
    OrganizationsResolver,
    OrganizationFieldsResolver,
    SiteFieldsResolver,
    MembershipFieldsResolver,
    UserMembershipsResolver,
    { provide: InvitationAcceptor, useExisting: AcceptPendingInvitations },
    // Deny by default: every GraphQL operation must declare an access policy.
    { provide: APP_GUARD, useClass: AuthorizationGuard },
  ],
  exports: [OrganizationsPersistenceModule, Authorizer, InvitationAcceptor, OrganizationLoaders, GetOrganizations],
})
export class OrganizationsModule {}
