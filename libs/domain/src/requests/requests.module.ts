import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { RequestQueriesService } from './request-queries.service.js';
import { RequestQuotaService } from './request-quota.service.js';
import { RequestsService } from './requests.service.js';

@Module({
  imports: [ProfilesModule, MentorshipsModule, GroupsModule],
  providers: [RequestsService, RequestQueriesService, RequestQuotaService],
  exports: [RequestsService, RequestQueriesService],
})
export class RequestsModule {}
