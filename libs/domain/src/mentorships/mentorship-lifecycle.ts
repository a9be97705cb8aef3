import { StateMachine, type TransitionLog } from '@app/platform';

export const MentorshipStatus = { ACTIVE: 'ACTIVE', COMPLETED: 'COMPLETED', ENDED: 'ENDED' } as const;
export type MentorshipStatus = (typeof MentorshipStatus)[keyof typeof MentorshipStatus];

/** The one place the mentorship lifecycle is defined: an active mentorship finishes once, either way. */
export const mentorshipLifecycle = new StateMachine<MentorshipStatus>('mentorship', [
  [MentorshipStatus.ACTIVE, MentorshipStatus.COMPLETED],
  [MentorshipStatus.ACTIVE, MentorshipStatus.ENDED],
]);

export const mentorshipTransitions: TransitionLog = {
  table: 'mentorship_transitions',
  subjectColumn: 'mentorship_id',
};
