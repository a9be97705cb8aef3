import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SessionQueriesService, type MentoringSession } from '@app/domain';
import { toConnection } from '../graphql/connection.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { MentorshipType } from '../mentorships/mentorship.types.js';
import { SessionConnection, SessionType } from './session.types.js';

/** A mentorship's sessions; the mentorship itself is shown to its participants only. */
@Resolver(() => MentorshipType)
export class MentorshipSessionsResolver {
  constructor(private readonly queries: SessionQueriesService) {}

  @ResolveField(() => SessionConnection, { description: 'in calendar order' })
  async sessions(
    @Parent() mentorship: MentorshipType,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<SessionConnection> {
    const page = await this.queries.listForMentorship(mentorship, { first: first ?? 20, after });
    return toConnection(page, (node) => node);
  }

  @ResolveField(() => SessionType, { nullable: true, description: 'the next SCHEDULED session not yet over' })
  nextSession(@Parent() mentorship: MentorshipType, @Context() ctx: GqlContext): Promise<MentoringSession | null> {
    return ctx.loaders.nextSession.load(mentorship.id);
  }
}
