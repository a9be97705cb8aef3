import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { EnrollmentsService } from './enrollments.service.js';
import { MatchingRoundsService } from './matching-rounds.service.js';
import { OrganizationsService } from './organizations.service.js';
import { ProgramQueriesService } from './program-queries.service.js';
import { ProgramRhythmService } from './program-rhythm.service.js';
import { ProgramsService } from './programs.service.js';

const SERVICES = [
  OrganizationsService,
  ProgramsService,
  ProgramQueriesService,
  EnrollmentsService,
  MatchingRoundsService,
  ProgramRhythmService,
];

/** Organisations, their programs, enrolment, matching rounds and the rhythm pairs keep. */
@Module({
  imports: [AccountsModule, TaxonomyModule, ProfilesModule, MentorshipsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ProgramsModule {}
