import { Inject } from '@nestjs/common';
import { Context, Mutation, Resolver } from '@nestjs/graphql';
import { IssueCalendarFeed, RevokeCalendarFeed } from '#application';
import { APP_CONFIG, type AppConfig } from '#config';
import { currentActor } from '../accounts/current-actor';
import { Authenticated } from '../auth/access-policy.decorator';
import type { GraphQLContext } from '../graphql/graphql-context';

/** The caller's private calendar feed URL: issued, reissued (which revokes the previous one) and revoked. */
@Resolver()
export class CalendarFeedResolver {
  constructor(
    private readonly issueCalendarFeedUseCase: IssueCalendarFeed,
    private readonly revokeCalendarFeedUseCase: RevokeCalendarFeed,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Authenticated()
  @Mutation(() => String, {
    description:
      'Drivers: a new private URL of the caller’s runs as an iCalendar feed, for calendar apps to subscribe to. Shown once; the previous URL stops working. NOT_A_DRIVER for people who drive for no organisation.',
  })
  async issueCalendarFeed(@Context() context: GraphQLContext): Promise<string> {
    const { token } = await this.issueCalendarFeedUseCase.execute(currentActor(context));
    return `${this.config.publicUrl}/calendar/${token}.ics`;
  }

  @Authenticated()
  @Mutation(() => Boolean, { description: "Stops the caller's calendar feed URL from working; false if there was none." })
  async revokeCalendarFeed(@Context() context: GraphQLContext): Promise<boolean> {
    return this.revokeCalendarFeedUseCase.execute(currentActor(context));
  }
}
