import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { OFFER_EMAIL_ROLES, type EventPayloads } from '#application';
import { RedisEventBus } from '#jobs';
import { MemberOf } from '../auth/access-policy.decorator';
import { AccessPolicyEnforcer } from '../auth/access-policy.enforcer';
import type { Language } from '../errors/error-messages';
import type { GraphQLContext } from '../graphql/graphql-context';
import { OfferMatchType } from '../matching/offer-match.type';

type OfferMatched = EventPayloads['offers.matched'];

/** The notice as the API shows it to the recipient itself: every reason (as claimableOffers), in the caller's language. */
export function presentOfferMatched(notice: OfferMatched, language: Language): OfferMatchType {
  return {
    offerId: notice.offerId,
    recipientOrganizationId: notice.recipientOrganizationId,
    siteId: notice.siteId,
    distanceKm: Math.round(notice.distanceKm * 1000) / 1000,
    score: notice.score,
    rank: notice.rank,
    fit: notice.fit,
    absorbableKg: notice.absorbableKg,
    reasons: notice.reasons.map((reason) => (language === 'en' ? reason.en : reason.fr)),
  };
}

@Resolver()
export class OfferMatchedResolver {
  constructor(
    private readonly events: RedisEventBus,
    private readonly policies: AccessPolicyEnforcer,
  ) {}

  // The same people the e-mail goes to: those who can claim for the recipient (drivers carry, they do not claim).
  @MemberOf(OFFER_EMAIL_ROLES, 'organizationId')
  @Subscription(() => OfferMatchType, {
    description: 'A newly published offer matches this recipient: told by the broadcast cascade, best matches first.',
    filter(this: OfferMatchedResolver, payload: OfferMatched, variables: { organizationId: string }, context: GraphQLContext): Promise<boolean> {
      return this.concerns(payload, variables.organizationId, context);
    },
    resolve: (payload: OfferMatched, _variables: { organizationId: string }, context: GraphQLContext): OfferMatchType =>
      presentOfferMatched(payload, context.language),
  })
  offerMatched(@Args('organizationId', { type: () => ID }) _organizationId: string): Promise<AsyncIterableIterator<OfferMatched>> {
    return this.events.subscribe('offers.matched');
  }

  /**
   * For this organisation, and the subscriber still one of its admins or staff, as the connection's
   * latest token names them (a member removed since stops hearing): the operation's policy, applied again.
   */
  private async concerns(payload: OfferMatched, organizationId: string, context: GraphQLContext): Promise<boolean> {
    if (payload.recipientOrganizationId !== organizationId.toLowerCase()) return false;
    return this.policies.stillAllows(OfferMatchedResolver.prototype.offerMatched, context, { organizationId });
  }
}
