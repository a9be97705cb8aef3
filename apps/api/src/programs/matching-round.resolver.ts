import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { MatchingRoundsService, ProgramQueriesService, type Principal } from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';
import { MatchingRoundType } from './program.types.js';

@Resolver(() => MatchingRoundType)
export class MatchingRoundResolver {
  constructor(
    private readonly rounds: MatchingRoundsService,
    private readonly queries: ProgramQueriesService,
  ) {}

  @Mutation(() => MatchingRoundType, { description: 'null mentor = leave unmatched; capacity and language hold' })
  async adjustMatch(
    @Viewer() viewer: Principal,
    @Args('roundId', { type: () => ID }) roundId: string,
    @Args('menteeEnrollmentId', { type: () => ID }) menteeEnrollmentId: string,
    @Args('mentorEnrollmentId', { type: () => ID, nullable: true }) mentorEnrollmentId: string | null,
  ): Promise<MatchingRoundType> {
    await this.rounds.adjust(viewer.userId, roundId, menteeEnrollmentId, mentorEnrollmentId);
    return this.queries.round(viewer.userId, roundId);
  }

  @Mutation(() => MatchingRoundType, { description: 'creates the mentorships; both sides are told', complexity: 50 })
  async publishMatchingRound(
    @Viewer() viewer: Principal,
    @Args('roundId', { type: () => ID }) roundId: string,
  ): Promise<MatchingRoundType> {
    await this.rounds.publish(viewer.userId, roundId);
    return this.queries.round(viewer.userId, roundId);
  }
}
