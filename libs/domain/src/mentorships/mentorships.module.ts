import { Module } from '@nestjs/common';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { MentorshipQueriesService } from './mentorship-queries.service.js';
import { MentorshipsService } from './mentorships.service.js';

@Module({
  imports: [ProfilesModule],
  providers: [MentorshipsService, MentorshipQueriesService],
  exports: [MentorshipsService, MentorshipQueriesService],
})
export class MentorshipsModule {}
