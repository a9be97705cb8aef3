import { FORBIDDEN, type AssignmentProblem } from './assignment.js';
import { compatibilityScore, type MatchIntake } from './compatibility.js';

export interface MatchingMentor extends MatchIntake {
  /** Places left in this program. */
  freePlaces: number;
}

/** Every mentee–mentor score of a round, ready for optimalAssignment. */
export function scoreMatrix(mentors: readonly MatchingMentor[], mentees: readonly MatchIntake[]): AssignmentProblem {
  const scores = new Int32Array(mentees.length * mentors.length);
  mentees.forEach((mentee, row) => {
    mentors.forEach((mentor, column) => {
      scores[row * mentors.length + column] = compatibilityScore(mentor, mentee) ?? FORBIDDEN;
    });
  });
  return { menteeCount: mentees.length, capacities: mentors.map((mentor) => mentor.freePlaces), scores };
}
