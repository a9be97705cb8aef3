import { Module } from '@nestjs/common';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { RequestQueries } from './request-queries.service.js';
import { RequestsService } from './requests.service.js';

@Module({
  imports: [ProfilesModule, MentorshipsModule],
  providers: [RequestsService, RequestQueries],
  exports: [RequestsService, RequestQueries],
})
export class RequestsModule {}
