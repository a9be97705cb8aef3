import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { mentorshipReviewsFor, type Principal } from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MentorshipType } from '../mentorships/mentorship.types.js';
import { ReviewType } from './review.types.js';

/** The reviews of a mentorship, as its participant (the only one who sees a mentorship) may read them. */
@Resolver(() => MentorshipType)
export class MentorshipReviewsResolver {
  @ResolveField(() => ReviewType, { nullable: true, description: 'mine, revealed or not' })
  async myReview(
    @Parent() mentorship: MentorshipType,
    @Viewer() viewer: Principal,
    @Context() ctx: GqlContext,
  ): Promise<ReviewType | null> {
    return mentorshipReviewsFor(await ctx.loaders.reviewsByMentorship.load(mentorship.id), viewer.userId).mine;
  }

  @ResolveField(() => [ReviewType], { description: 'both sides’ once revealed' })
  async reviews(
    @Parent() mentorship: MentorshipType,
    @Viewer() viewer: Principal,
    @Context() ctx: GqlContext,
  ): Promise<ReviewType[]> {
    return mentorshipReviewsFor(await ctx.loaders.reviewsByMentorship.load(mentorship.id), viewer.userId).revealed;
  }
}
