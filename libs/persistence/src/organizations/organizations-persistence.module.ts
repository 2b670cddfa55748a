import { Module } from '@nestjs/common';
import { InvitationRepository, MembershipRepository, OrganizationRepository, RecipientProfileRepository, SiteRepository, UserDirectory } from '#application';
import { TypeOrmInvitationRepository } from './invitation.repository';
import { TypeOrmMembershipRepository } from './membership.repository';
import { TypeOrmOrganizationRepository } from './organization.repository';
import { TypeOrmRecipientProfileRepository } from './recipient-profile.repository';
import { SqlUserDirectory } from './user-directory.repository';
import { TypeOrmSiteRepository } from './site.repository';
import { PersistenceModule } from '../persistence.module';

const PORTS = [OrganizationRepository, MembershipRepository, InvitationRepository, SiteRepository, RecipientProfileRepository, UserDirectory];

/** Binds the organisations ports to PostgreSQL/PostGIS. */
@Module({
  imports: [PersistenceModule],
  providers: [
    { provide: OrganizationRepository, useClass: TypeOrmOrganizationRepository },
    { provide: MembershipRepository, useClass: TypeOrmMembershipRepository },
    { provide: InvitationRepository, useClass: TypeOrmInvitationRepository },
    { provide: SiteRepository, useClass: TypeOrmSiteRepository },
    { provide: RecipientProfileRepository, useClass: TypeOrmRecipientProfileRepository },
    { provide: UserDirectory, useClass: SqlUserDirectory },
  ],
  exports: PORTS,
})
export class OrganizationsPersistenceModule {}
