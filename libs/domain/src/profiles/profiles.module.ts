import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaxonomyModule } from '../taxonomy/taxonomy.module.js';
import { MenteeProfile } from './mentee-profile.entity.js';
import { MenteeProfilesService } from './mentee-profiles.service.js';
import { MentorProfileEditorService } from './mentor-profile-editor.service.js';
import { MentorProfile } from './mentor-profile.entity.js';
import { MentorProfilesService } from './mentor-profiles.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([MentorProfile, MenteeProfile]), TaxonomyModule],
  providers: [MentorProfilesService, MentorProfileEditorService, MenteeProfilesService],
  exports: [MentorProfilesService, MentorProfileEditorService, MenteeProfilesService],
})
export class ProfilesModule {}
