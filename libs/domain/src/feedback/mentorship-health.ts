import type { Cadence } from '../mentorship-terms/mentorship-terms.js';
import { CADENCE_DAYS } from '../scheduling/session-cadence.service.js';

export const MentorshipHealth = {
  ON_TRACK: 'ON_TRACK',
  NEEDS_ATTENTION: 'NEEDS_ATTENTION',
  STALLED: 'STALLED',
} as const;
export type MentorshipHealth = (typeof MentorshipHealth)[keyof typeof MentorshipHealth];

const DAY_MS = 86_400_000;
/** Check-ins count over this many of the latest held sessions. */
export const RECENT_SESSIONS = 5;
/** An AD_HOC mentorship agreed no cadence; its goals are still expected to move within this many days, thrice. */
const AD_HOC_WINDOW_DAYS = 31;

/** What health is judged from, as of one moment (now, or the end of a finished mentorship). */
export interface HealthFacts {
  cadence: Cadence;
  startedAt: Date;
  asOf: Date;
  /** End of the latest held (COMPLETED) session, null before the first. */
  lastHeldAt: Date | null;
  /** Of the latest RECENT_SESSIONS held sessions: how many, how many have a check-in, and their check-ins' usefulness. */
  recentHeld: number;
  recentCheckedIn: number;
  usefulness: readonly number[];
  lastGoalProgressAt: Date | null;
  goalsDone: boolean;
}

export interface HealthSignals {
  cadenceKept: boolean;
  checkInsGood: boolean;
  goalsMoving: boolean;
}

const daysSince = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / DAY_MS;
const latest = (a: Date, b: Date | null): Date => (b && b > a ? b : a);

/** The three signals; docs/feedback.md states the rule. */
export function healthSignals(facts: HealthFacts): HealthSignals {
  const window = CADENCE_DAYS[facts.cadence];
  const cadenceKept =
    window === undefined || daysSince(latest(facts.startedAt, facts.lastHeldAt), facts.asOf) <= 2 * window;
  const meanUsefulness =
    facts.usefulness.length === 0 ? 0 : facts.usefulness.reduce((sum, u) => sum + u, 0) / facts.usefulness.length;
  const checkInsGood =
    facts.recentHeld === 0 || (facts.recentCheckedIn / facts.recentHeld >= 0.5 && meanUsefulness >= 3);
  const goalsMoving =
    facts.goalsDone ||
    daysSince(latest(facts.startedAt, facts.lastGoalProgressAt), facts.asOf) <= 3 * (window ?? AD_HOC_WINDOW_DAYS);
  return { cadenceKept, checkInsGood, goalsMoving };
}

/** ON_TRACK when every signal is good, NEEDS_ATTENTION when one is not, STALLED when two or more are not. */
export function assessHealth(facts: HealthFacts): MentorshipHealth {
  const weak = Object.values(healthSignals(facts)).filter((good) => !good).length;
  if (weak === 0) return MentorshipHealth.ON_TRACK;
  return weak === 1 ? MentorshipHealth.NEEDS_ATTENTION : MentorshipHealth.STALLED;
}
