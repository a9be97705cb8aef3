import { Injectable } from '@nestjs/common';
import { DomainError, type Transaction } from '@app/platform';
import type { Mentorship } from '../mentorships/mentorship.js';
import { MentorshipStatus } from '../mentorships/mentorship-lifecycle.js';
import { SessionQueriesService } from '../scheduling/session-queries.service.js';

/** Reviews must be earned: only after the two have actually worked together. */
@Injectable()
export class ReviewEligibilityService {
  constructor(private readonly sessions: SessionQueriesService) {}

  /** For a participant of `mentorship` (already checked and locked by the caller): COMPLETED, or a session held. */
  async assertMayReview(tx: Transaction, mentorship: Mentorship): Promise<void> {
    if (mentorship.status === MentorshipStatus.COMPLETED) return;
    if (await this.sessions.hasCompleted(mentorship.id, tx.manager)) return;
    throw DomainError.conflict('You can review this mentorship after a completed session, or once it is completed');
  }
}
