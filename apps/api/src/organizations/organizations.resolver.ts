import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AddMember, AddSite, CreateOrganization, ListCategories, SetRecipientProfile, VerifyOrganization } from '#application';
import { MemberRole } from '#domain';
import { currentActor } from '../accounts/current-actor';
import { Authenticated, MemberOf, PlatformAdminOnly, Public } from '../auth/access-policy.decorator';
import type { GraphQLContext } from '../graphql/graphql-context';
import { AddMemberInput } from './add-member.input';
import { AddSiteInput } from './add-site.input';
import { CategoryType } from './category.type';
import { CreateOrganizationInput } from './create-organization.input';
import { OrganizationLoaders } from './organization.loaders';
import { presentCategory, presentMembership, presentOrganization, presentRecipientProfile, presentSite } from './organization.presenter';
import { MembershipType, OrganizationType } from './organization.type';
import { RecipientProfileInput } from './recipient-profile.input';
import { RecipientProfileType } from './recipient-profile.type';
import { SiteType } from './site.type';

@Resolver()
export class OrganizationsResolver {
  constructor(
    private readonly createOrganizationUseCase: CreateOrganization,
    private readonly verifyOrganizationUseCase: VerifyOrganization,
    private readonly addSiteUseCase: AddSite,
    private readonly addMemberUseCase: AddMember,
    private readonly setRecipientProfileUseCase: SetRecipientProfile,
    private readonly listCategories: ListCategories,
    private readonly loaders: OrganizationLoaders,
  ) {}

  @Authenticated()
  @Mutation(() => OrganizationType, { description: 'Registers a donor business or a recipient; the caller becomes its ADMIN.' })
  async createOrganization(@Args('input') input: CreateOrganizationInput, @Context() context: GraphQLContext): Promise<OrganizationType> {
    const organization = await this.createOrganizationUseCase.execute({
      creatorUserId: currentActor(context).userId,
      kind: input.kind,
      name: input.name,
      legalId: input.legalId,
      habilitationReference: input.habilitationReference,
    });
    return presentOrganization(organization);
  }

  @PlatformAdminOnly()
  // Refused (LEGAL_ID_ALREADY_VERIFIED) when another organisation with its legal id is verified: admins see them in sameLegalIdOrganizations.
  @Mutation(() => OrganizationType, { description: "Platform admins only: marks an organisation's identity (and a recipient's habilitation) as checked." })
  async verifyOrganization(@Args('id', { type: () => ID }) id: string, @Context() context: GraphQLContext): Promise<OrganizationType> {
    return presentOrganization(await this.verifyOrganizationUseCase.execute({ organizationId: id, verifiedBy: currentActor(context).userId }));
  }

  @MemberOf([MemberRole.ADMIN], 'input.organizationId')
  @Mutation(() => SiteType, { description: 'Organisation admins: adds a collection or delivery site.' })
  async addSite(@Args('input') input: AddSiteInput): Promise<SiteType> {
    const site = await this.addSiteUseCase.execute({
      organizationId: input.organizationId,
      name: input.name,
      address: input.address,
      location: { latitude: input.location.latitude, longitude: input.location.longitude },
      openingHours: input.openingHours,
      closures: input.closures,
      accessInstructions: input.accessInstructions,
    });
    return presentSite(site);
  }

  @MemberOf([MemberRole.ADMIN], 'input.organizationId')
  @Mutation(() => MembershipType, { description: 'Organisation admins: adds a member by email, or invites them if they have no account yet.' })
  async addMember(@Args('input') input: AddMemberInput, @Context() context: GraphQLContext): Promise<MembershipType> {
    const added = await this.addMemberUseCase.execute({
      organizationId: input.organizationId,
      email: input.email,
      role: input.role,
      addedBy: currentActor(context).userId,
    });
    return added.kind === 'membership' ? presentMembership(added.membership) : presentMembership(added.invitation, true);
  }

  @MemberOf([MemberRole.ADMIN, MemberRole.STAFF], 'input.organizationId')
  @Mutation(() => RecipientProfileType, { description: 'Recipient admins and staff: declares what the recipient can take (replaces the previous profile).' })
  async setRecipientProfile(@Args('input') input: RecipientProfileInput): Promise<RecipientProfileType> {
    const profile = await this.setRecipientProfileUseCase.execute({
      organizationId: input.organizationId,
      acceptedCategories: input.acceptedCategories,
      capacities: input.capacities,
      serviceRadiusKm: input.serviceRadiusKm,
      dlcMarginHours: input.dlcMarginHours,
      redistributesFaster: input.redistributesFaster,
      peoplePerWeek: input.peoplePerWeek,
    });
    return presentRecipientProfile(profile);
  }

  @Authenticated()
  @Query(() => OrganizationType, {
    nullable: true,
    description: 'Anyone signed in sees the public fields; members, the recipient profile and access instructions only the organisation itself.',
  })
  async organization(@Args('id', { type: () => ID }) id: string, @Context() context: GraphQLContext): Promise<OrganizationType | null> {
    const organization = await this.loaders.of(context).organization.load(id);
    return organization === null ? null : presentOrganization(organization);
  }

  @Public()
  @Query(() => [CategoryType], { description: 'The category taxonomy, parents before children.' })
  categories(@Context() context: GraphQLContext): CategoryType[] {
    return this.listCategories.execute().map((category) => presentCategory(category, context.language));
  }
}
