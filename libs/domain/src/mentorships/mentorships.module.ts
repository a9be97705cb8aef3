import { Module } from '@nestjs/common';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { MentorshipQueries } from './mentorship-queries.service.js';
import { MentorshipsService } from './mentorships.service.js';

@Module({
  imports: [ProfilesModule],
  providers: [MentorshipsService, MentorshipQueries],
  exports: [MentorshipsService, MentorshipQueries],
})
export class MentorshipsModule {}
