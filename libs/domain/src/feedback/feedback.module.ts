import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { MentorshipsModule } from '../mentorships/mentorships.module.js';
import { ProfilesModule } from '../profiles/profiles.module.js';
import { RatingAggregatesService } from './rating-aggregates.service.js';
import { ReviewEligibilityService } from './review-eligibility.service.js';
import { ReviewModerationService } from './review-moderation.service.js';
import { ReviewQueriesService } from './review-queries.service.js';
import { ReviewTransitionsService } from './review-transitions.service.js';
import { ReviewsService } from './reviews.service.js';

/** Reviews (double-blind, moderated) and the ratings they add up to. */
@Module({
  imports: [AccountsModule, MentorshipsModule, ProfilesModule],
  providers: [
    ReviewsService,
    ReviewEligibilityService,
    ReviewTransitionsService,
    ReviewModerationService,
    ReviewQueriesService,
    RatingAggregatesService,
  ],
  exports: [ReviewsService, ReviewModerationService, ReviewQueriesService, RatingAggregatesService],
})
export class FeedbackModule {}
