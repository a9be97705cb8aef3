import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ReviewModerationService, type Principal } from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import { ReviewConnection, ReviewType } from './review.types.js';

@Resolver(() => ReviewType)
export class ReviewModerationResolver {
  constructor(private readonly moderation: ReviewModerationService) {}

  @Query(() => ReviewConnection, { description: 'ADMIN only: reported reviews, most reported and oldest first' })
  async moderationQueue(
    @Viewer() viewer: Principal,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ReviewConnection> {
    const page = await this.moderation.queue(viewer.userId, { first: first ?? 20, after });
    return toConnection(page, (node) => node);
  }

  @Mutation(() => ReviewType, { description: 'ADMIN: out of sight and out of every aggregate' })
  hideReview(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<ReviewType> {
    return this.moderation.hide(viewer.userId, id, reason);
  }

  @Mutation(() => ReviewType, { description: 'ADMIN' })
  restoreReview(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ): Promise<ReviewType> {
    return this.moderation.restore(viewer.userId, id, reason);
  }
}
