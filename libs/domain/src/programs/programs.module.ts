import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { EnrollmentsService } from './enrollments.service.js';
import { MatchingRoundsService } from './matching-rounds.service.js';
import { OrganizationsService } from './organizations.service.js';
import { ProgramQueriesService } from './program-queries.service.js';
import { ProgramsService } from './programs.service.js';

/** Organisations, their programs, enrolment and matching rounds. */
@Module({
  imports: [AccountsModule, TaxonomyModule, ProfilesModule, MentorshipsModule],
  providers: [OrganizationsService, ProgramsService, ProgramQueriesService, EnrollmentsService, MatchingRoundsService],
  exports: [OrganizationsService, ProgramsService, ProgramQueriesService, EnrollmentsService, MatchingRoundsService],
})
export class ProgramsModule {}
