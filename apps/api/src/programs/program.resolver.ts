import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  MatchingRoundsService,
  OrganizationsService,
  ProgramMetricsService,
  ProgramQueriesService,
  ProgramRole,
  ProgramsService,
  type Principal,
} from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import { COST } from '../graphql/cost.js';
import {
  EnrollmentConnection,
  MatchingRoundType,
  OrganizationType,
  ProgramInput,
  ProgramMetricsType,
  ProgramType,
} from './program.types.js';

@Resolver(() => ProgramType)
export class ProgramResolver {
  constructor(
    private readonly programs: ProgramsService,
    private readonly queries: ProgramQueriesService,
    private readonly organizations: OrganizationsService,
    private readonly rounds: MatchingRoundsService,
    private readonly metricsOf: ProgramMetricsService,
  ) {}

  @Query(() => ProgramType, { nullable: true, description: "its organisation's members and enrolled users" })
  program(@Viewer() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<ProgramType> {
    return this.queries.program(viewer.userId, id);
  }

  @Mutation(() => ProgramType, { description: 'organisation admins' })
  async createProgram(@Viewer() viewer: Principal, @Args('input') input: ProgramInput): Promise<ProgramType> {
    const id = await this.programs.create(viewer.userId, input);
    return this.queries.program(viewer.userId, id);
  }

  @Mutation(() => ProgramType)
  async updateProgram(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: ProgramInput,
  ): Promise<ProgramType> {
    await this.programs.update(viewer.userId, id, input);
    return this.queries.program(viewer.userId, id);
  }

  @Mutation(() => ProgramType, { description: 'DRAFT -> ENROLLING; returns the invite code' })
  async openEnrollment(
    @Viewer() viewer: Principal,
    @Args('programId', { type: () => ID }) programId: string,
  ): Promise<ProgramType> {
    await this.programs.openEnrollment(viewer.userId, programId);
    return this.queries.program(viewer.userId, programId);
  }

  @Mutation(() => ProgramType, { description: 'ENROLLING or RUNNING -> CLOSED, for good' })
  async closeProgram(
    @Viewer() viewer: Principal,
    @Args('programId', { type: () => ID }) programId: string,
  ): Promise<ProgramType> {
    await this.programs.close(viewer.userId, programId);
    return this.queries.program(viewer.userId, programId);
  }

  @Mutation(() => MatchingRoundType, { description: 'admins; proposes, changes nothing yet', complexity: 50 })
  async runMatchingRound(
    @Viewer() viewer: Principal,
    @Args('programId', { type: () => ID }) programId: string,
  ): Promise<MatchingRoundType> {
    const roundId = await this.rounds.run(viewer.userId, programId);
    return this.queries.round(viewer.userId, roundId);
  }

  @ResolveField(() => OrganizationType)
  async organization(@Parent() program: ProgramType): Promise<OrganizationType> {
    const organization = await this.organizations.findById(program.organizationId);
    if (!organization) throw new Error(`program ${program.id} has no organization`);
    return organization;
  }

  @ResolveField(() => String, { nullable: true, description: 'admins only' })
  inviteCode(@Viewer() viewer: Principal, @Parent() program: ProgramType): Promise<string | null> {
    return this.queries.inviteCode(viewer.userId, program.id);
  }

  @ResolveField(() => EnrollmentConnection, { description: 'admins only', complexity: 5 })
  async enrollments(
    @Viewer() viewer: Principal,
    @Parent() program: ProgramType,
    @Args('role', { type: () => ProgramRole, nullable: true }) role: ProgramRole | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<EnrollmentConnection> {
    const page = await this.queries.enrollments(viewer.userId, program.id, role, { first: first ?? 50, after });
    return toConnection(page, (node) => node);
  }

  @ResolveField(() => [MatchingRoundType], { description: 'admins only', complexity: 100 })
  matchingRounds(@Viewer() viewer: Principal, @Parent() program: ProgramType): Promise<MatchingRoundType[]> {
    return this.queries.rounds(viewer.userId, program.id);
  }

  @ResolveField(() => ProgramMetricsType, { description: 'admins only', complexity: COST.programMetrics })
  metrics(@Viewer() viewer: Principal, @Parent() program: ProgramType): Promise<ProgramMetricsType> {
    return this.metricsOf.metrics(viewer.userId, program.id);
  }
}
