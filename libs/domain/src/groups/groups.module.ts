import { Module } from '@nestjs/common';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { GroupEditorService } from './group-editor.service.js';
import { GroupMembershipService } from './group-membership.service.js';
import { GroupQueriesService } from './group-queries.service.js';
import { GroupStatusService } from './group-status.service.js';

/** Groups and circles: hosting, seats and listings. Joining goes through a request (requests sits above). */
@Module({
  imports: [MentorshipsModule, ProfilesModule, TaxonomyModule],
  providers: [GroupEditorService, GroupMembershipService, GroupQueriesService, GroupStatusService],
  exports: [GroupEditorService, GroupMembershipService, GroupQueriesService],
})
export class GroupsModule {}
