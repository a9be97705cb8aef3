import { FORBIDDEN, type Assignment, type AssignmentProblem } from './assignment.js';

/**
 * Yardsticks for optimalAssignment, used by its tests and by `npm run bench:matching`:
 * the greedy pick a hand-written matcher would make, and an exhaustive search that is
 * exact by construction but only feasible on a handful of mentees.
 */

/** Best pair first, while the mentee is free and the mentor has a place. */
export function greedyAssignment({ menteeCount, capacities, scores }: AssignmentProblem): Assignment {
  const M = capacities.length;
  const pairs: number[] = [];
  for (let cell = 0; cell < scores.length; cell++) if (scores[cell] !== FORBIDDEN) pairs.push(cell);
  pairs.sort((a, b) => scores[b] - scores[a] || a - b);
  const mentorOf = new Int32Array(menteeCount).fill(-1);
  const free = [...capacities];
  let totalScore = 0;
  for (const cell of pairs) {
    const mentee = Math.floor(cell / M);
    const mentor = cell % M;
    if (mentorOf[mentee] !== -1 || free[mentor] === 0) continue;
    mentorOf[mentee] = mentor;
    free[mentor] -= 1;
    totalScore += scores[cell];
  }
  return { mentorOf, totalScore };
}

/** Tries every way to place every mentee (a mentor with a place, or none): (M+1)^R leaves. */
export function exhaustiveAssignment({ menteeCount, capacities, scores }: AssignmentProblem): Assignment {
  const M = capacities.length;
  const free = [...capacities];
  const current = new Int32Array(menteeCount).fill(-1);
  let best: Assignment = { mentorOf: new Int32Array(menteeCount).fill(-1), totalScore: -1 };
  const visit = (mentee: number, total: number): void => {
    if (mentee === menteeCount) {
      if (total > best.totalScore) best = { mentorOf: current.slice(), totalScore: total };
      return;
    }
    current[mentee] = -1;
    visit(mentee + 1, total);
    for (let mentor = 0; mentor < M; mentor++) {
      const score = scores[mentee * M + mentor];
      if (score === FORBIDDEN || free[mentor] === 0) continue;
      free[mentor] -= 1;
      current[mentee] = mentor;
      visit(mentee + 1, total + score);
      free[mentor] += 1;
    }
    current[mentee] = -1;
  };
  visit(0, 0);
  return best;
}
