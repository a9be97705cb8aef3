import { Prng } from '../../scripts/seed/prng.js';
import {
  FORBIDDEN,
  optimalAssignment,
  type AssignmentProblem,
} from '../../libs/domain/src/programs/matching/assignment.js';
import {
  exhaustiveAssignment,
  greedyAssignment,
} from '../../libs/domain/src/programs/matching/reference-assignments.js';

const X = FORBIDDEN;

function problem(capacities: number[], rows: number[][]): AssignmentProblem {
  return { menteeCount: rows.length, capacities, scores: Int32Array.from(rows.flat()) };
}

/** Every invariant a proposal must keep, whatever its total. */
function expectFeasible(p: AssignmentProblem, mentorOf: Int32Array): void {
  const M = p.capacities.length;
  const load = new Array<number>(M).fill(0);
  mentorOf.forEach((mentor, mentee) => {
    if (mentor === -1) return;
    expect(p.scores[mentee * M + mentor]).not.toBe(FORBIDDEN);
    load[mentor] += 1;
  });
  load.forEach((used, mentor) => expect(used).toBeLessThanOrEqual(p.capacities[mentor]));
}

function randomProblem(rng: Prng, mentees: number, mentors: number): AssignmentProblem {
  const capacities = Array.from({ length: mentors }, () => rng.int(1, 3));
  const scores = Int32Array.from({ length: mentees * mentors }, () => (rng.chance(0.25) ? X : rng.int(0, 100)));
  return { menteeCount: mentees, capacities, scores };
}

describe('optimalAssignment', () => {
  it('beats greedy where greedy is known to lose, with the exact optimum', () => {
    // Greedy takes Ann–Mo (10) first; then Bo, who shares no language with Kit, stays alone.
    // The optimum gives Ann to Kit (9) and Bo to Mo (8): 17.
    const p = problem(
      [1, 1],
      [
        [10, 9],
        [8, X],
      ],
    );
    expect(greedyAssignment(p).totalScore).toBe(10);
    const best = optimalAssignment(p);
    expect(best.totalScore).toBe(17);
    expect([...best.mentorOf]).toEqual([1, 0]);
  });

  it('uses capacity where it pays and leaves a forbidden pair unmade', () => {
    // One mentor with two places outscores two single pairs only where the scores say so.
    const p = problem(
      [2, 1],
      [
        [50, 40],
        [45, X],
        [44, 43],
        [X, X],
      ],
    );
    const best = optimalAssignment(p);
    expectFeasible(p, best.mentorOf);
    expect(best.totalScore).toBe(50 + 45 + 43);
    expect(best.mentorOf[3]).toBe(-1);
    expect(greedyAssignment(p).totalScore).toBe(50 + 45 + 43);
  });

  it('prefers matching more mentees among equal totals', () => {
    const p = problem([2], [[0], [7]]);
    expect([...optimalAssignment(p).mentorOf]).toEqual([0, 0]);
  });

  it('handles no mentors, no mentees and no allowed pair', () => {
    expect(optimalAssignment(problem([], [[], []])).totalScore).toBe(0);
    expect(optimalAssignment(problem([2], [])).mentorOf).toHaveLength(0);
    expect([...optimalAssignment(problem([1], [[X], [X]])).mentorOf]).toEqual([-1, -1]);
  });

  it('matches the exhaustive optimum on 300 small random instances, never below greedy', () => {
    const rng = new Prng(7);
    let greedyLost = 0;
    for (let round = 0; round < 300; round++) {
      const p = randomProblem(rng, rng.int(1, 7), rng.int(1, 4));
      const best = optimalAssignment(p);
      expectFeasible(p, best.mentorOf);
      expect(best.totalScore).toBe(exhaustiveAssignment(p).totalScore);
      const greedy = greedyAssignment(p).totalScore;
      expect(best.totalScore).toBeGreaterThanOrEqual(greedy);
      if (best.totalScore > greedy) greedyLost += 1;
    }
    // The random instances are not trivial: greedy does lose on some of them.
    expect(greedyLost).toBeGreaterThan(10);
  });

  it('keeps capacity and forbidden pairs on a larger instance', () => {
    const p = randomProblem(new Prng(11), 200, 40);
    const best = optimalAssignment(p);
    expectFeasible(p, best.mentorOf);
    expect(best.totalScore).toBeGreaterThanOrEqual(greedyAssignment(p).totalScore);
  });
});
