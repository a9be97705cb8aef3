import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { TaxonomyService } from '@app/domain';
import { Public } from '../auth/access.decorators.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { IndustryType, SkillType } from './taxonomy.types.js';
import { COST } from '../graphql/cost.js';

@Resolver(() => IndustryType)
export class TaxonomyResolver {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @Public()
  @Query(() => [IndustryType], { description: 'the taxonomy, with mentor counts' })
  industries(): Promise<IndustryType[]> {
    return this.taxonomy.listIndustries();
  }

  @Public()
  @Query(() => [SkillType], { complexity: COST.autocomplete, description: 'autocomplete by prefix, alias or typo' })
  skills(
    @Args('query', { type: () => String, nullable: true }) query: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
  ): Promise<SkillType[]> {
    return this.taxonomy.suggestSkills(query, first ?? 20);
  }

  @ResolveField(() => Int)
  mentorCount(@Parent() industry: IndustryType, @Context() ctx: GqlContext): Promise<number> | number {
    return industry.mentorCount ?? ctx.loaders.industryMentorCount.load(industry.slug);
  }
}
