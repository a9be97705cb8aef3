import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { EnrollmentsService, ProgramQueriesService, type Principal } from '@app/domain';
import { UserType } from '../accounts/account.types.js';
import { Viewer } from '../auth/viewer.decorator.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { EnrollmentInput, EnrollmentType, ProgramType } from './program.types.js';

@Resolver(() => EnrollmentType)
export class EnrollmentResolver {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly queries: ProgramQueriesService,
  ) {}

  @Mutation(() => EnrollmentType, { description: "with the program's invite code" })
  async enrollInProgram(@Viewer() viewer: Principal, @Args('input') input: EnrollmentInput): Promise<EnrollmentType> {
    const id = await this.enrollments.enroll(viewer.userId, input);
    return this.queries.ownEnrollment(viewer.userId, id);
  }

  @Mutation(() => EnrollmentType)
  async withdrawEnrollment(
    @Viewer() viewer: Principal,
    @Args('programId', { type: () => ID }) programId: string,
  ): Promise<EnrollmentType> {
    const id = await this.enrollments.withdraw(viewer.userId, programId);
    return this.queries.ownEnrollment(viewer.userId, id);
  }

  @ResolveField(() => ProgramType)
  program(@Viewer() viewer: Principal, @Parent() enrollment: EnrollmentType): Promise<ProgramType> {
    return this.queries.program(viewer.userId, enrollment.programId);
  }

  @ResolveField(() => UserType)
  async user(@Parent() enrollment: EnrollmentType, @Context() ctx: GqlContext): Promise<UserType> {
    const user = await ctx.loaders.user.load(enrollment.userId);
    if (!user) throw new Error(`enrollment ${enrollment.id} has no user`);
    return user;
  }
}
