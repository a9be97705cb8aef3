import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { GroupsModule } from '../groups/groups.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { AvailabilityService } from './availability.service.js';
import { CalendarFeedService } from './calendar-feed.service.js';
import { GroupSessionBookingService } from './group-session-booking.service.js';
import { SessionBookingService } from './session-booking.service.js';
import { SessionCadenceService } from './session-cadence.service.js';
import { SessionQueriesService } from './session-queries.service.js';
import { SessionRemindersService } from './session-reminders.service.js';
import { SessionTransitionsService } from './session-transitions.service.js';
import { SlotsService } from './slots.service.js';

const services = [
  AvailabilityService,
  SlotsService,
  SessionQueriesService,
  SessionBookingService,
  GroupSessionBookingService,
  SessionTransitionsService,
  SessionRemindersService,
  SessionCadenceService,
  CalendarFeedService,
];

/** Availability, slots, sessions, reminders and calendars; reaches mentorships, profiles and groups through their services. */
@Module({
  imports: [AccountsModule, ProfilesModule, MentorshipsModule, GroupsModule],
  providers: services,
  exports: services,
})
export class SchedulingModule {}
