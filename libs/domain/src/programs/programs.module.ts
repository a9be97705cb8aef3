import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { EnrollmentsService } from './enrollments.service.js';
import { MatchingRoundsService } from './matching-rounds.service.js';
import { OrganizationsService } from './organizations.service.js';
import { ProgramFiguresService } from './program-figures.service.js';
import { ProgramMetricsLinkService } from './program-metrics-link.service.js';
import { ProgramMetricsService } from './program-metrics.service.js';
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
  ProgramFiguresService,
  ProgramMetricsLinkService,
  ProgramMetricsService,
];

/** Organisations, their programs, enrolment, matching rounds, the rhythm pairs keep and the figures that show it works. */
@Module({
  imports: [AccountsModule, TaxonomyModule, ProfilesModule, MentorshipsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class ProgramsModule {}
