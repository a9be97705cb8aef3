import { Args, Context, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GroupSessionBookingService, SessionQueriesService, type MentoringSession, type Principal } from '@app/domain';
import { OptionalViewer, Viewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { SessionConnection, SessionType } from '../scheduling/session.types.js';
import { BookGroupSessionInput, MentorshipGroupType } from './group.types.js';

/** Booking reads the host's calendar and every member's under locks: priced above a one-to-one booking. */
const GROUP_BOOKING_COST = 100;

/** A group's sessions: booked by its host, seen by its host and members. */
@Resolver(() => MentorshipGroupType)
export class MentorshipGroupSessionsResolver {
  constructor(
    private readonly booking: GroupSessionBookingService,
    private readonly sessionQueries: SessionQueriesService,
  ) {}

  @Mutation(() => SessionType, { complexity: GROUP_BOOKING_COST, description: "the group's host" })
  bookGroupSession(
    @Viewer() viewer: Principal,
    @Args('input') input: BookGroupSessionInput,
  ): Promise<MentoringSession> {
    return this.booking.book(viewer.userId, input);
  }

  @ResolveField(() => SessionConnection, { description: 'the host and members only; empty to anyone else' })
  async sessions(
    @Parent() group: MentorshipGroupType,
    @OptionalViewer() viewer: Principal | null,
    @Context() ctx: GqlContext,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<SessionConnection> {
    const memberIds = await ctx.loaders.groupMemberIds.load(group.id);
    if (!viewer || (viewer.userId !== group.hostUserId && !memberIds.includes(viewer.userId))) {
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    }
    const page = await this.sessionQueries.listForGroup(group.id, { first: first ?? 20, after });
    return toConnection(page, (node) => node);
  }
}
