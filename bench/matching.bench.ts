import { exhaustiveAssignment, greedyAssignment, optimalAssignment, scoreMatrix } from '@app/domain';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Prng } from '../scripts/seed/prng.js';
import { benchConfig } from './bench-config.js';
import { randomMentees, randomMentors } from './matching-intakes.js';
import { timeMatchingRound } from './matching-round-db.js';

/**
 * npm run bench:matching [-- --mentees 2000 --mentors 500 --runs 3 --seed 1 --database mentorbridge_bench_matching]
 *
 * What runMatchingRound computes, on random intakes: every pair's score, then the
 * optimal assignment under each mentor's places (1..4). Beside it, in the same run, the
 * greedy matcher on the same scores (the baseline for the total) and, on many small
 * instances, an exhaustive search that is exact by construction (the proof of optimality).
 * Last, runMatchingRound itself through the domain service on a real database, where a
 * program has one maxMenteesPerMentor for all its mentors.
 */
const { values: args } = parseArgs({
  options: {
    mentees: { type: 'string', default: '2000' },
    mentors: { type: 'string', default: '500' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    'small-instances': { type: 'string', default: '300' },
    database: { type: 'string', default: 'mentorbridge_bench_matching' },
    'max-mentees-per-mentor': { type: 'string', default: '2' },
  },
});
const menteeCount = Number(args.mentees);
const mentorCount = Number(args.mentors);
const runs = Number(args.runs);
const seed = Number(args.seed);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rng = new Prng(seed);
const mentors = randomMentors(rng, mentorCount, [1, 4]);
const mentees = randomMentees(rng, menteeCount);
const places = mentors.reduce((sum, mentor) => sum + mentor.freePlaces, 0);

const scoring: number[] = [];
const solving: number[] = [];
const greedyTimes: number[] = [];
let optimal = { totalScore: 0, matched: 0 };
let greedy = { totalScore: 0, matched: 0 };
for (let run = 0; run < runs; run++) {
  const t0 = performance.now();
  const problem = scoreMatrix(mentors, mentees);
  const t1 = performance.now();
  const best = optimalAssignment(problem);
  const t2 = performance.now();
  const quick = greedyAssignment(problem);
  const t3 = performance.now();
  scoring.push(t1 - t0);
  solving.push(t2 - t1);
  greedyTimes.push(t3 - t2);
  optimal = { totalScore: best.totalScore, matched: best.mentorOf.filter((m) => m >= 0).length };
  greedy = { totalScore: quick.totalScore, matched: quick.mentorOf.filter((m) => m >= 0).length };
}

// Exactness: many small instances, each solved exhaustively ((places+1)^mentees leaves).
const small = new Prng(seed + 1);
const smallCount = Number(args['small-instances']);
let equal = 0;
let greedyBelow = 0;
let worstGreedyRatio = 1;
for (let i = 0; i < smallCount; i++) {
  const problem = scoreMatrix(randomMentors(small, 4, [1, 2]), randomMentees(small, 8));
  const best = optimalAssignment(problem).totalScore;
  const exact = exhaustiveAssignment(problem).totalScore;
  const quick = greedyAssignment(problem).totalScore;
  if (best === exact) equal += 1;
  if (quick < exact) greedyBelow += 1;
  if (exact > 0) worstGreedyRatio = Math.min(worstGreedyRatio, quick / exact);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `matching bench: ${menteeCount} mentees, ${mentorCount} mentors (${places} places), seed ${seed}, median of ${runs} runs`,
);
console.log(`  scoring ${mentees.length * mentors.length} pairs   ${seconds(median(scoring))}`);
console.log(`  optimal assignment          ${seconds(median(solving))}`);
console.log(`  runMatchingRound compute    ${seconds(median(scoring) + median(solving))}  (target < 10 s)`);
console.log(`  greedy on the same scores   ${seconds(median(greedyTimes))}`);
console.log(
  `  total score: optimal ${optimal.totalScore} (${optimal.matched} matched), greedy ${greedy.totalScore} (${greedy.matched} matched)`,
);
console.log(`  optimal / greedy = ${(optimal.totalScore / greedy.totalScore).toFixed(4)}`);
console.log(
  `  exactness: ${equal}/${smallCount} small instances (8 mentees, 4 mentors, 1-2 places) equal the exhaustive optimum;` +
    ` greedy fell short on ${greedyBelow}, worst at ${(worstGreedyRatio * 100).toFixed(1)}% of it`,
);

const perMentor = Number(args['max-mentees-per-mentor']);
const round = await timeMatchingRound(benchConfig(args.database), mentors, mentees, perMentor);
console.log(
  `  runMatchingRound on PostgreSQL (${args.database}, maxMenteesPerMentor ${perMentor}): ${seconds(round.ms)},` +
    ` ${round.matched} matched, total score ${round.totalScore}  (target < 10 s)`,
);
if (equal !== smallCount) process.exitCode = 1;
