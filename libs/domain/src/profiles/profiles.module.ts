import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MentorProfile } from './mentor-profile.entity.js';
import { MentorProfilesService } from './mentor-profiles.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([MentorProfile])],
  providers: [MentorProfilesService],
  exports: [MentorProfilesService],
})
export class ProfilesModule {}
