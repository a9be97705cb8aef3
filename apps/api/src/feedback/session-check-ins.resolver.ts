import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { checkInsVisibleTo, type Principal } from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { SessionType } from '../scheduling/session.types.js';
import { CheckInType } from './check-in.types.js';

/** A session's check-ins, as its participant (the only one who sees a session) may read them. */
@Resolver(() => SessionType)
export class SessionCheckInsResolver {
  @ResolveField(() => [CheckInType], {
    description: 'the viewer’s own, and the others’ once the viewer has checked in too',
  })
  async checkIns(
    @Parent() session: SessionType,
    @Viewer() viewer: Principal,
    @Context() ctx: GqlContext,
  ): Promise<CheckInType[]> {
    return checkInsVisibleTo(await ctx.loaders.checkInsBySession.load(session.id), viewer.userId);
  }
}
