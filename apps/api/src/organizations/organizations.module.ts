import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import {
  AcceptPendingInvitations,
  AddMember,
  AddSite,
  ClockModule,
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
import { AccountsPersistenceModule, OrganizationsPersistenceModule, PersistenceModule } from '#persistence';
import { AccessPolicyEnforcer } from '../auth/access-policy.enforcer';
import { AuthorizationGuard } from '../auth/authorization.guard';
import { MembershipFieldsResolver } from './membership-fields.resolver';
import { OrganizationFieldsResolver } from './organization-fields.resolver';
import { OrganizationLoaders } from './organization.loaders';
import { OrganizationsResolver } from './organizations.resolver';
import { SiteFieldsResolver } from './site-fields.resolver';
import { UserMembershipsResolver } from './user-memberships.resolver';

/**
 * Organisations, members, sites, recipient profiles and categories; and the membership rule with
 * the app-wide authorization guard that applies it to every operation. Feature modules (offers,
 * matching, allocation) import it for the Authorizer, the repositories and the loaders; accounts'
 * registration imports it for the InvitationAcceptor.
 */
@Module({
  imports: [OrganizationsPersistenceModule, AccountsPersistenceModule, PersistenceModule, ClockModule],
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
    AccessPolicyEnforcer,
    { provide: APP_GUARD, useClass: AuthorizationGuard },
  ],
  exports: [OrganizationsPersistenceModule, Authorizer, AccessPolicyEnforcer, InvitationAcceptor, OrganizationLoaders, GetOrganizations],
})
export class OrganizationsModule {}
