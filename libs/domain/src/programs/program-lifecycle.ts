import { StateMachine, type TransitionLog } from '@app/platform';

export const ProgramStatus = { DRAFT: 'DRAFT', ENROLLING: 'ENROLLING', RUNNING: 'RUNNING', CLOSED: 'CLOSED' } as const;
export type ProgramStatus = (typeof ProgramStatus)[keyof typeof ProgramStatus];

/**
 * The program lifecycle: enrolment opens once, the first published round starts it, and it
 * closes for good. Enrolment stays open while it runs, so late joiners meet a later round.
 */
export const programLifecycle = new StateMachine<ProgramStatus>('program', [
  [ProgramStatus.DRAFT, ProgramStatus.ENROLLING],
  [ProgramStatus.ENROLLING, ProgramStatus.RUNNING],
  [ProgramStatus.ENROLLING, ProgramStatus.CLOSED],
  [ProgramStatus.RUNNING, ProgramStatus.CLOSED],
]);

export const programTransitions: TransitionLog = { table: 'program_transitions', subjectColumn: 'program_id' };

/** Statuses in which people may enrol and rounds may run. */
export const OPEN_PROGRAM_STATUSES: readonly ProgramStatus[] = [ProgramStatus.ENROLLING, ProgramStatus.RUNNING];
