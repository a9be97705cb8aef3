import { StateMachine, type TransitionLog, type TransitionRow } from '@app/platform';
import { ReviewVisibility } from './review.js';

/** A review is written blind, revealed once, and then hidden and restored by moderators. */
export const reviewLifecycle = new StateMachine<ReviewVisibility>('review', [
  [ReviewVisibility.PENDING_REVEAL, ReviewVisibility.PUBLISHED],
  [ReviewVisibility.PUBLISHED, ReviewVisibility.HIDDEN],
  [ReviewVisibility.HIDDEN, ReviewVisibility.PUBLISHED],
]);

export const reviewTransitions: TransitionLog = { table: 'review_transitions', subjectColumn: 'review_id' };

export type ReviewTransition = TransitionRow<ReviewVisibility>;
