import { Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiScope, CalendarFeedService, type Principal } from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { OptionalViewer, Viewer } from '../auth/viewer.decorator.js';
import type { GqlContext } from '../graphql/graphql-context.js';

/** The secret .ics feed URL of the signed-in user. */
@Resolver(() => UserType)
export class CalendarFeedResolver {
  constructor(private readonly feeds: CalendarFeedService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'only to the user themself: a secret URL of an .ics feed of their sessions',
  })
  async calendarFeedUrl(@Parent() user: UserType, @OptionalViewer() viewer: Principal | null): Promise<string | null> {
    const self = viewer?.userId === user.id && viewer.scopes.has(ApiScope.READ_PRIVATE);
    return self ? this.feeds.feedUrl(user.id) : null;
  }

  @Mutation(() => UserType, { description: 'a new secret feed URL; the old one stops working' })
  async rotateCalendarFeed(@Viewer() viewer: Principal, @Context() ctx: GqlContext): Promise<UserType> {
    await this.feeds.rotate(viewer.userId);
    const user = await ctx.loaders.user.load(viewer.userId);
    if (!user) throw new Error(`user ${viewer.userId} vanished`);
    return user;
  }
}
