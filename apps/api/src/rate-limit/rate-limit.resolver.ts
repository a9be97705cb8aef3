import { Context, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/access.decorators.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { RateLimitType } from './rate-limit.types.js';

@Resolver()
export class RateLimitResolver {
  /** Spent before execution (see OperationGate); this only reports it. */
  @Public()
  @Query(() => RateLimitType, { complexity: 0, description: "the caller's budget, like GitHub's" })
  rateLimit(@Context() ctx: GqlContext): Promise<RateLimitType> {
    if (!ctx.rateLimit) throw new Error('the operation ran without being priced');
    return ctx.rateLimit;
  }
}
