import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CheckInsService, type Principal } from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { Viewer } from '../auth/viewer.decorator.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { CheckInInput, CheckInType } from './check-in.types.js';

/** A write that may move several goals, each with its history row. */
const CHECK_IN_COST = 10;

@Resolver(() => CheckInType)
export class CheckInResolver {
  constructor(private readonly checkIns: CheckInsService) {}

  @Mutation(() => CheckInType, {
    complexity: CHECK_IN_COST,
    description: 'after a COMPLETED session, once per participant',
  })
  submitCheckIn(@Viewer() viewer: Principal, @Args('input') input: CheckInInput): Promise<CheckInType> {
    return this.checkIns.submit(viewer.userId, input);
  }

  @ResolveField(() => UserType)
  async author(@Parent() checkIn: CheckInType, @Context() ctx: GqlContext): Promise<UserType> {
    const user = await ctx.loaders.user.load(checkIn.authorId);
    if (!user) throw new Error(`check-in ${checkIn.id} has no author`);
    return user;
  }
}
