import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MenteeProfilesService, type Principal } from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { industriesOf, skillsOf } from '../taxonomy/taxonomy-loaders.js';
import { IndustryType, SkillType } from '../taxonomy/taxonomy.types.js';
import { MenteeProfileInput } from './mentee-profile.input.js';
import { MenteeProfileType } from './mentee-profile.type.js';

@Resolver(() => MenteeProfileType)
export class MenteeProfileResolver {
  constructor(private readonly profiles: MenteeProfilesService) {}

  @Mutation(() => MenteeProfileType, { description: 'creates or replaces my mentee profile' })
  upsertMenteeProfile(
    @Viewer() viewer: Principal,
    @Args('input') input: MenteeProfileInput,
  ): Promise<MenteeProfileType> {
    return this.profiles.upsert(viewer.userId, input);
  }

  @ResolveField(() => [IndustryType])
  industries(@Parent() profile: MenteeProfileType, @Context() ctx: GqlContext): Promise<IndustryType[]> {
    return industriesOf(ctx.loaders, profile.industrySlugs);
  }

  @ResolveField(() => [SkillType])
  skills(@Parent() profile: MenteeProfileType, @Context() ctx: GqlContext): Promise<SkillType[]> {
    return skillsOf(ctx.loaders, profile.skillIds);
  }
}
