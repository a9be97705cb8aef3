import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ProgramQueriesService, type Principal } from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';
import { MentorshipType } from '../mentorships/mentorship.types.js';
import { ProgramType } from './program.types.js';

/** Mentorship.program lives with programs, so the mentorships folder never has to know what a program is. */
@Resolver(() => MentorshipType)
export class MentorshipProgramResolver {
  constructor(private readonly queries: ProgramQueriesService) {}

  @ResolveField(() => ProgramType, { nullable: true, description: "when a program's matching round made it" })
  async program(@Viewer() viewer: Principal, @Parent() mentorship: MentorshipType): Promise<ProgramType | null> {
    return mentorship.programId ? this.queries.program(viewer.userId, mentorship.programId) : null;
  }
}
