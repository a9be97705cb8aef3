import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isVisibleTo, privateReaderId, type Principal } from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { UserFieldViewer } from '../auth/viewer.decorator.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MenteeProfileType } from './mentee-profile.type.js';
import { MentorProfileType, toMentorProfileType } from './mentor-profile.type.js';

/** The profiles hanging off a User, with the same visibility as reading them directly. */
@Resolver(() => UserType)
export class UserProfilesResolver {
  @ResolveField(() => MentorProfileType, { nullable: true, description: 'a draft or paused one only to its owner' })
  async mentorProfile(
    @Parent() user: UserType,
    @UserFieldViewer() viewer: Principal | null,
    @Context() ctx: GqlContext,
  ): Promise<MentorProfileType | null> {
    const profile = await ctx.loaders.mentorProfileByUser.load(user.id);
    return profile && isVisibleTo(profile, privateReaderId(viewer)) ? toMentorProfileType(profile) : null;
  }

  @ResolveField(() => MenteeProfileType, { nullable: true, description: 'only to the user themself' })
  async menteeProfile(
    @Parent() user: UserType,
    @UserFieldViewer() viewer: Principal | null,
    @Context() ctx: GqlContext,
  ): Promise<MenteeProfileType | null> {
    return privateReaderId(viewer) === user.id ? ctx.loaders.menteeProfileByUser.load(user.id) : null;
  }
}
