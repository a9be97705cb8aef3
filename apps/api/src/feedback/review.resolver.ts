import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isAdmin, ReviewModerationService, ReviewsService, type Principal } from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { OptionalViewer, Viewer } from '../auth/viewer.decorator.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { ReviewInput, ReviewType } from './review.types.js';

/** A write that locks the mentorship and may reveal two reviews. */
const REVIEW_WRITE_COST = 10;

@Resolver(() => ReviewType)
export class ReviewResolver {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly moderation: ReviewModerationService,
  ) {}

  @Mutation(() => ReviewType, {
    complexity: REVIEW_WRITE_COST,
    description: 'blind until the other side reviews too, or 14 days pass',
  })
  submitReview(@Viewer() viewer: Principal, @Args('input') input: ReviewInput): Promise<ReviewType> {
    return this.reviews.submit(viewer.userId, input);
  }

  @Mutation(() => ReviewType, { complexity: REVIEW_WRITE_COST, description: 'the author, until it is revealed' })
  editReview(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('rating', { type: () => Int }) rating: number,
    @Args('comment', { type: () => String, nullable: true }) comment: string | null,
  ): Promise<ReviewType> {
    return this.reviews.edit(viewer.userId, id, rating, comment);
  }

  @Mutation(() => ReviewType, { complexity: REVIEW_WRITE_COST, description: 'the reviewed mentor, once' })
  respondToReview(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('response') response: string,
  ): Promise<ReviewType> {
    return this.reviews.respond(viewer.userId, id, response);
  }

  @Mutation(() => Boolean, { complexity: REVIEW_WRITE_COST, description: 'once per person' })
  reportReview(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<boolean> {
    return this.moderation.report(viewer.userId, id, reason);
  }

  @ResolveField(() => UserType)
  async author(@Parent() review: ReviewType, @Context() ctx: GqlContext): Promise<UserType> {
    const user = await ctx.loaders.user.load(review.authorId);
    if (!user) throw new Error(`review ${review.id} has no author`);
    return user;
  }

  @ResolveField(() => UserType)
  async subject(@Parent() review: ReviewType, @Context() ctx: GqlContext): Promise<UserType> {
    const user = await ctx.loaders.user.load(review.subjectId);
    if (!user) throw new Error(`review ${review.id} has no subject`);
    return user;
  }

  @ResolveField(() => Int, { nullable: true, description: 'open reports; ADMIN only' })
  async reportCount(
    @Parent() review: ReviewType,
    @OptionalViewer() viewer: Principal | null,
    @Context() ctx: GqlContext,
  ): Promise<number | null> {
    const user = viewer ? await ctx.loaders.user.load(viewer.userId) : null;
    if (!user || !isAdmin(user)) return null;
    return review.reportCount ?? ctx.loaders.openReportCount.load(review.id);
  }
}
