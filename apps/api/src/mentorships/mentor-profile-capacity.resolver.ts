import { Context, Float, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ProfileStatus } from '@app/domain';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MentorProfileType } from '../profiles/mentor-profile.type.js';

/** A mentor's capacity and answering record, derived from mentorships and request transitions. */
@Resolver(() => MentorProfileType)
export class MentorProfileCapacityResolver {
  @ResolveField(() => Int)
  activeMenteeCount(@Parent() profile: MentorProfileType, @Context() ctx: GqlContext): Promise<number> {
    return ctx.loaders.activeMenteeCount.load(profile.id);
  }

  @ResolveField(() => Boolean, { description: 'PUBLISHED and below capacity' })
  async acceptingRequests(@Parent() profile: MentorProfileType, @Context() ctx: GqlContext): Promise<boolean> {
    if (profile.status !== ProfileStatus.PUBLISHED) return false;
    return (await ctx.loaders.activeMenteeCount.load(profile.id)) < profile.maxActiveMentees;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'share of requests answered (accepted or declined) before expiry; null until any',
  })
  async responseRate(@Parent() profile: MentorProfileType, @Context() ctx: GqlContext): Promise<number | null> {
    return (await ctx.loaders.responseStats.load(profile.id)).responseRate;
  }

  @ResolveField(() => Float, { nullable: true, description: 'median hours from request to answer; null until any' })
  async medianResponseHours(@Parent() profile: MentorProfileType, @Context() ctx: GqlContext): Promise<number | null> {
    return (await ctx.loaders.responseStats.load(profile.id)).medianResponseHours;
  }
}
