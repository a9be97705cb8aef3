import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ApiScope, isVisibleTo, type Principal } from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { OptionalViewer } from '../auth/viewer.decorator.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MenteeProfileType } from './mentee-profile.type.js';
import { MentorProfileType, toMentorProfileType } from './mentor-profile.type.js';

/** The profiles hanging off a User, with the same visibility as reading them directly. */
@Resolver(() => UserType)
export class UserProfilesResolver {
  @ResolveField(() => MentorProfileType, { nullable: true, description: 'a draft or paused one only to its owner' })
  async mentorProfile(
    @Parent() user: UserType,
    @OptionalViewer() viewer: Principal | null,
    @Context() ctx: GqlContext,
  ): Promise<MentorProfileType | null> {
    const profile = await ctx.loaders.mentorProfileByUser.load(user.id);
    const viewerId = user.isSelf === true ? user.id : viewer?.userId;
    return profile && isVisibleTo(profile, viewerId) ? toMentorProfileType(profile) : null;
  }

  @ResolveField(() => MenteeProfileType, { nullable: true, description: 'only to the user themself' })
  async menteeProfile(
    @Parent() user: UserType,
    @OptionalViewer() viewer: Principal | null,
    @Context() ctx: GqlContext,
  ): Promise<MenteeProfileType | null> {
    const self = user.isSelf === true || (viewer?.userId === user.id && viewer.scopes.has(ApiScope.READ_PRIVATE));
    return self ? ctx.loaders.menteeProfileByUser.load(user.id) : null;
  }
}
