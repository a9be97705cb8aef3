import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../graphql/graphql-context.js';
import { SessionType } from '../scheduling/session.types.js';
import { MentorshipGroupType } from './group.types.js';

/** Session.group: the group or circle a session belongs to. */
@Resolver(() => SessionType)
export class SessionGroupResolver {
  @ResolveField(() => MentorshipGroupType, { nullable: true, description: 'a group or circle session' })
  group(@Parent() session: SessionType, @Context() ctx: GqlContext): Promise<MentorshipGroupType | null> {
    return session.groupId ? ctx.loaders.group.load(session.groupId) : Promise.resolve(null);
  }
}
