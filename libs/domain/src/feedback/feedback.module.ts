import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { SchedulingModule } from '../scheduling/scheduling.module.js';
import { CheckInsService } from './check-ins.service.js';
import { MentorshipHealthService } from './mentorship-health.service.js';
import { RatingAggregatesService } from './rating-aggregates.service.js';
import { ReviewEligibilityService } from './review-eligibility.service.js';
import { ReviewModerationService } from './review-moderation.service.js';
import { ReviewQueriesService } from './review-queries.service.js';
import { ReviewTransitionsService } from './review-transitions.service.js';
import { ReviewsService } from './reviews.service.js';

/** Reviews (double-blind, moderated) and the ratings they add up to; check-ins and mentorship health. */
@Module({
  imports: [AccountsModule, MentorshipsModule, ProfilesModule, SchedulingModule],
  providers: [
    ReviewsService,
    ReviewEligibilityService,
    ReviewTransitionsService,
    ReviewModerationService,
    ReviewQueriesService,
    RatingAggregatesService,
    CheckInsService,
    MentorshipHealthService,
  ],
  exports: [
    ReviewsService,
    ReviewModerationService,
    ReviewQueriesService,
    RatingAggregatesService,
    CheckInsService,
    MentorshipHealthService,
  ],
})
export class FeedbackModule {}
