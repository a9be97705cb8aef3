import { assessHealth, healthSignals, MentorshipHealth, type HealthFacts } from './mentorship-health.js';

const DAY = 86_400_000;
const now = new Date('2026-06-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

/** A weekly mentorship of two months that meets, checks in and moves its goals. */
const healthy: HealthFacts = {
  cadence: 'WEEKLY',
  startedAt: daysAgo(60),
  asOf: now,
  lastHeldAt: daysAgo(5),
  recentHeld: 5,
  recentCheckedIn: 4,
  usefulness: [4, 5, 4, 3],
  lastGoalProgressAt: daysAgo(10),
  goalsDone: false,
};

describe('mentorship health', () => {
  it('is ON_TRACK when cadence, check-ins and goals are all good', () => {
    expect(healthSignals(healthy)).toEqual({ cadenceKept: true, checkInsGood: true, goalsMoving: true });
    expect(assessHealth(healthy)).toBe(MentorshipHealth.ON_TRACK);
  });

  it('gives a new mentorship time before expecting sessions or progress', () => {
    const fresh = { ...healthy, startedAt: daysAgo(3), lastHeldAt: null, recentHeld: 0, recentCheckedIn: 0 };
    expect(assessHealth({ ...fresh, usefulness: [], lastGoalProgressAt: null })).toBe(MentorshipHealth.ON_TRACK);
  });

  it('allows one skipped session but not two windows without one', () => {
    expect(healthSignals({ ...healthy, lastHeldAt: daysAgo(14) }).cadenceKept).toBe(true);
    expect(healthSignals({ ...healthy, lastHeldAt: daysAgo(15) }).cadenceKept).toBe(false);
    expect(healthSignals({ ...healthy, cadence: 'MONTHLY', lastHeldAt: daysAgo(60) }).cadenceKept).toBe(true);
    expect(healthSignals({ ...healthy, cadence: 'AD_HOC', lastHeldAt: daysAgo(300) }).cadenceKept).toBe(true);
  });

  it('needs check-ins on half the recent sessions, rated 3 or more on average', () => {
    expect(healthSignals({ ...healthy, recentCheckedIn: 2 }).checkInsGood).toBe(false);
    expect(healthSignals({ ...healthy, usefulness: [2, 3, 2] }).checkInsGood).toBe(false);
  });

  it('expects goals to move within three windows unless they are all done', () => {
    expect(healthSignals({ ...healthy, lastGoalProgressAt: daysAgo(22) }).goalsMoving).toBe(false);
    expect(healthSignals({ ...healthy, lastGoalProgressAt: daysAgo(22), goalsDone: true }).goalsMoving).toBe(true);
  });

  it('turns NEEDS_ATTENTION with one weak signal and STALLED with two', () => {
    const lapsed = { ...healthy, lastHeldAt: daysAgo(20) };
    expect(assessHealth(lapsed)).toBe(MentorshipHealth.NEEDS_ATTENTION);
    expect(assessHealth({ ...lapsed, lastGoalProgressAt: daysAgo(30) })).toBe(MentorshipHealth.STALLED);
    expect(assessHealth({ ...healthy, usefulness: [1, 2], lastGoalProgressAt: daysAgo(30) })).toBe(
      MentorshipHealth.STALLED,
    );
  });
});
