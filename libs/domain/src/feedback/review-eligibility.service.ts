import { Injectable } from '@nestjs/common';
import { DomainError } from '@app/platform';
import type { Mentorship } from '../mentorships/mentorship.js';
import { MentorshipStatus } from '../mentorships/mentorship-lifecycle.js';

/** Reviews must be earned: only after the two have actually worked together. */
@Injectable()
export class ReviewEligibilityService {
  /** For a participant of `mentorship` (already checked and locked by the caller). */
  assertMayReview(mentorship: Mentorship): void {
    if (mentorship.status === MentorshipStatus.COMPLETED) return;
    throw DomainError.conflict('You can review this mentorship once it is completed');
  }
}
