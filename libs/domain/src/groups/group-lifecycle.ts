import { StateMachine, type TransitionLog } from '@app/platform';
import { GroupStatus } from './group.js';

/**
 * The one place the group lifecycle is defined: seats fill and free up between OPEN and
 * FULL as members join and leave, and either may be closed for good.
 */
export const groupLifecycle = new StateMachine<GroupStatus>('group', [
  [GroupStatus.OPEN, GroupStatus.FULL],
  [GroupStatus.FULL, GroupStatus.OPEN],
  [GroupStatus.OPEN, GroupStatus.CLOSED],
  [GroupStatus.FULL, GroupStatus.CLOSED],
]);

export const groupTransitions: TransitionLog = {
  table: 'mentorship_group_transitions',
  subjectColumn: 'group_id',
};
