import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isVisibleTo, MentorProfileEditorService, privateReaderId, type Principal } from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { Public } from '../auth/access.decorators.js';
import { OptionalViewer, Viewer } from '../auth/viewer.decorator.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { industriesOf, skillsOf } from '../taxonomy/taxonomy-loaders.js';
import { IndustryType, SkillType } from '../taxonomy/taxonomy.types.js';
import { MentorProfileInput } from './mentor-profile.input.js';
import { MentorProfileType, toMentorProfileType } from './mentor-profile.type.js';
import { RatingSummary, toRatingSummary } from './rating-summary.type.js';

@Resolver(() => MentorProfileType)
export class MentorProfileResolver {
  constructor(private readonly editor: MentorProfileEditorService) {}

  @Public()
  @Query(() => MentorProfileType, { nullable: true, description: 'null unless PUBLISHED, or it is mine' })
  async mentor(
    @Args('id', { type: () => ID }) id: string,
    @OptionalViewer() viewer: Principal | null,
    @Context() ctx: GqlContext,
  ): Promise<MentorProfileType | null> {
    const profile = await ctx.loaders.mentorProfile.load(id);
    return profile && isVisibleTo(profile, privateReaderId(viewer)) ? toMentorProfileType(profile) : null;
  }

  @Mutation(() => MentorProfileType, { description: 'creates my profile as a DRAFT, or edits it' })
  async upsertMentorProfile(
    @Viewer() viewer: Principal,
    @Args('input') input: MentorProfileInput,
  ): Promise<MentorProfileType> {
    return toMentorProfileType(await this.editor.upsert(viewer.userId, input));
  }

  @Mutation(() => MentorProfileType, { description: 'DRAFT|PAUSED -> PUBLISHED; needs a complete profile' })
  async publishMentorProfile(@Viewer() viewer: Principal): Promise<MentorProfileType> {
    return toMentorProfileType(await this.editor.publish(viewer.userId));
  }

  @Mutation(() => MentorProfileType, { description: 'hidden from search, no new requests' })
  async pauseMentorProfile(@Viewer() viewer: Principal): Promise<MentorProfileType> {
    return toMentorProfileType(await this.editor.pause(viewer.userId));
  }

  @ResolveField(() => UserType)
  async user(@Parent() profile: MentorProfileType, @Context() ctx: GqlContext): Promise<UserType> {
    const user = await ctx.loaders.user.load(profile.userId);
    if (!user) throw new Error(`mentor profile ${profile.id} has no user`);
    return user;
  }

  @ResolveField(() => [IndustryType])
  industries(@Parent() profile: MentorProfileType, @Context() ctx: GqlContext): Promise<IndustryType[]> {
    return industriesOf(ctx.loaders, profile.industrySlugs);
  }

  @ResolveField(() => [SkillType])
  skills(@Parent() profile: MentorProfileType, @Context() ctx: GqlContext): Promise<SkillType[]> {
    return skillsOf(ctx.loaders, profile.skillIds);
  }

  @ResolveField(() => RatingSummary)
  rating(@Parent() profile: MentorProfileType): RatingSummary {
    return toRatingSummary(profile);
  }
}
