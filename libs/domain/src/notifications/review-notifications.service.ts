import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { ReviewVisibility } from '../feedback/review.js';
import { ReviewQueriesService } from '../feedback/review-queries.service.js';
import type { NotificationMessage, Recipient } from './messages/message.js';
import { reviewModerated, reviewReceived, reviewRevealed } from './messages/review-messages.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';

@Injectable()
export class ReviewNotificationsService {
  constructor(
    private readonly reviews: ReviewQueriesService,
    private readonly accounts: AccountsService,
    private readonly dispatcher: NotificationDispatcherService,
  ) {}

  /**
   * The reviewed side hears of a blind review (so they write theirs) and of its reveal;
   * the author hears when a moderator hides or restores it. Nobody else is told.
   */
  async transitioned(eventId: string, transitionId: string): Promise<void> {
    const transition = await this.reviews.findTransition(transitionId);
    if (!transition) return;
    const review = await this.reviews.findById(transition.subjectId);
    if (!review) return;
    const [author, subject] = await this.accounts.findByIds([review.authorId, review.subjectId]);
    if (!author || !subject) return;
    const facts = {
      mentorshipId: review.mentorshipId,
      authorName: author.displayName,
      rating: review.rating,
      revealDueAt: review.revealDueAt,
      reason: transition.reason,
    };
    let told: [Recipient, NotificationMessage];
    if (transition.from === null) told = [subject, reviewReceived(facts, subject)];
    else if (transition.from === ReviewVisibility.PENDING_REVEAL) told = [subject, reviewRevealed(facts)];
    else told = [author, reviewModerated(facts, transition.to === ReviewVisibility.HIDDEN)];
    const [recipient, message] = told;
    await this.dispatcher.deliver(recipient, message, `${eventId}:${recipient.id}`);
  }
}
