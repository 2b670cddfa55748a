import { Field, ID, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from '../graphql/page-info.type';
import { MemberRole, OrganizationKind } from './organization.enums';

/**
 * Public fields are here; sites, the recipient profile, members and the habilitation reference are
 * resolved by OrganizationFieldsResolver, which shows the private ones only to the organisation's
 * own members (and platform admins) and answers null to everyone else.
 */
@ObjectType('Organization')
export class OrganizationType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganizationKind) kind!: OrganizationKind;
  @Field({ description: 'SIRET (14 digits) or RNA (W + 9 digits): public registers.' }) legalId!: string;
  @Field({ description: 'A platform admin has checked its habilitation; a recipient claims only once verified.' }) verified!: boolean;
  @Field(() => Date, { nullable: true }) verifiedAt!: Date | null;
  habilitationReference!: string | null;
}

@ObjectType('OrganizationMember', { description: 'A member as the organisation’s own admins and staff see them.' })
export class OrganizationMemberType {
  @Field(() => ID) userId!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field(() => MemberRole) role!: MemberRole;
  @Field() since!: Date;
}

@ObjectType('OrganizationMemberEdge')
export class OrganizationMemberEdgeType {
  @Field(() => OrganizationMemberType) node!: OrganizationMemberType;
  @Field() cursor!: string;
}

@ObjectType('OrganizationMemberConnection')
export class OrganizationMemberConnectionType {
  @Field(() => [OrganizationMemberEdgeType]) edges!: OrganizationMemberEdgeType[];
  @Field(() => PageInfoType) pageInfo!: PageInfoType;
}

@ObjectType('Membership')
export class MembershipType {
  /** Resolved by MembershipFieldsResolver through the per-request loader. */
  organizationId!: string;
  @Field(() => MemberRole) role!: MemberRole;
  /** Resolved by MembershipFieldsResolver: only the organisation's admins may read it. */
  pending!: boolean;
}
