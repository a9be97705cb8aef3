import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  SessionBookingService,
  SessionQueriesService,
  SessionStatus,
  SessionTransitionsService,
  type MentoringSession,
  type Principal,
} from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { Viewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';
import { MentorshipType } from '../mentorships/mentorship.types.js';
import { BookSessionInput, SessionConnection, SessionType } from './session.types.js';

/** Booking re-reads the mentor's calendar under locks: priced like a slot query. */
const BOOKING_COST = 50;

@Resolver(() => SessionType)
export class SessionResolver {
  constructor(
    private readonly queries: SessionQueriesService,
    private readonly booking: SessionBookingService,
    private readonly transitions: SessionTransitionsService,
  ) {}

  @Query(() => SessionType, { nullable: true, description: 'participants only' })
  session(@Viewer() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<MentoringSession> {
    return this.queries.findForParticipant(viewer.userId, id);
  }

  @Query(() => SessionConnection, { description: 'sessions I take part in, in calendar order' })
  async sessions(
    @Viewer() viewer: Principal,
    @Args('from', { type: () => DateTimeScalar, nullable: true }) from: Date | null,
    @Args('to', { type: () => DateTimeScalar, nullable: true }) to: Date | null,
    @Args('status', { type: () => [SessionStatus], nullable: true }) status: SessionStatus[] | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<SessionConnection> {
    const page = await this.queries.list(viewer.userId, { from, to, status }, { first: first ?? 50, after });
    return toConnection(page, (node) => node);
  }

  @Mutation(() => SessionType, { complexity: BOOKING_COST, description: 'a participant of an ACTIVE mentorship' })
  bookSession(@Viewer() viewer: Principal, @Args('input') input: BookSessionInput): Promise<MentoringSession> {
    return this.booking.book(viewer.userId, input);
  }

  @Mutation(() => SessionType, { complexity: BOOKING_COST })
  rescheduleSession(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('startsAt', { type: () => DateTimeScalar }) startsAt: Date,
  ): Promise<MentoringSession> {
    return this.booking.reschedule(viewer.userId, id, startsAt);
  }

  @Mutation(() => SessionType, { description: 'before the start; within 24 hours of it the cancellation is late' })
  cancelSession(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<MentoringSession> {
    return this.transitions.cancel(viewer.userId, id, reason);
  }

  @Mutation(() => SessionType, { description: 'a participant, after the end' })
  completeSession(@Viewer() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<MentoringSession> {
    return this.transitions.complete(viewer.userId, id);
  }

  @Mutation(() => SessionType, { description: 'a participant, after the start, about another participant' })
  reportNoShow(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<MentoringSession> {
    return this.transitions.reportNoShow(viewer.userId, id, userId);
  }

  @ResolveField(() => MentorshipType, { nullable: true, description: 'a one-to-one session' })
  async mentorship(@Parent() session: SessionType, @Context() ctx: GqlContext): Promise<MentorshipType | null> {
    return session.mentorshipId ? ctx.loaders.mentorship.load(session.mentorshipId) : null;
  }

  @ResolveField(() => UserType, { description: 'the mentor' })
  async host(@Parent() session: SessionType, @Context() ctx: GqlContext): Promise<UserType> {
    const host = await ctx.loaders.user.load(session.hostId);
    if (!host) throw new Error(`session ${session.id} has no host`);
    return host;
  }

  @ResolveField(() => [UserType], { description: 'host first; every participant’s sessions never overlap' })
  participants(@Parent() session: SessionType, @Context() ctx: GqlContext): Promise<UserType[]> {
    return usersOf(ctx, session.participantIds);
  }

  @ResolveField(() => UserType, { nullable: true })
  cancelledBy(@Parent() session: SessionType, @Context() ctx: GqlContext): Promise<UserType | null> {
    return session.cancelledBy ? ctx.loaders.user.load(session.cancelledBy) : Promise.resolve(null);
  }

  @ResolveField(() => [UserType])
  noShows(@Parent() session: SessionType, @Context() ctx: GqlContext): Promise<UserType[]> {
    return usersOf(ctx, session.noShowIds);
  }
}

async function usersOf(ctx: GqlContext, ids: readonly string[]): Promise<UserType[]> {
  const users = await ctx.loaders.user.loadMany(ids);
  return users.flatMap((user) => (user && !(user instanceof Error) ? [user] : []));
}
