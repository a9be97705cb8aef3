import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReviewQueriesService } from '@app/domain';
import { Public } from '../auth/access.decorators.js';
import { toConnection } from '../graphql/connection.js';
import { MentorProfileType } from '../profiles/mentor-profile.type.js';
import { ReviewConnection } from './review.types.js';

/** A mentor's published reviews: public, newest revealed first. */
@Resolver(() => MentorProfileType)
export class MentorReviewsResolver {
  constructor(private readonly queries: ReviewQueriesService) {}

  @Public()
  @Query(() => ReviewConnection, { description: 'revealed, visible reviews' })
  async reviews(
    @Args('mentorId', { type: () => ID }) mentorId: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ReviewConnection> {
    return toConnection(await this.queries.listPublishedForMentor(mentorId, { first: first ?? 20, after }), (n) => n);
  }

  @ResolveField(() => ReviewConnection, { name: 'reviews', complexity: 5 })
  async profileReviews(
    @Parent() profile: MentorProfileType,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 5 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ReviewConnection> {
    return toConnection(await this.queries.listPublishedForMentor(profile.id, { first: first ?? 5, after }), (n) => n);
  }
}
