import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { MentorshipHealth } from '@app/domain';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MentorshipType } from '../mentorships/mentorship.types.js';

/** Reads sessions, check-ins and goal history of the mentorship. */
const HEALTH_COST = 5;

@Resolver(() => MentorshipType)
export class MentorshipHealthResolver {
  @ResolveField(() => MentorshipHealth, {
    complexity: HEALTH_COST,
    description: 'from cadence kept, check-ins and goal progress (docs/feedback.md)',
  })
  health(@Parent() mentorship: MentorshipType, @Context() ctx: GqlContext): Promise<MentorshipHealth> {
    return ctx.loaders.health.load(mentorship);
  }
}
