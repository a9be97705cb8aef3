import type { CheckIn } from '@app/domain';
import { DateTime } from 'luxon';
import type { Prng } from './prng.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One program mentorship as the history needs it. */
export interface HistoryPair {
  mentorshipId: string;
  menteeId: string;
  mentorId: string;
  mentorZone: string;
  /**
   * Which of the mentor's mentees this is (0, 1, 2…): each meets at its own local hour
   * (10:00, 12:00, 14:00…), so a mentor's sessions never overlap.
   */
  slot: number;
  goalIds: readonly string[];
}

export type SessionOutcome = 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';

export interface PlannedSession {
  id: string;
  mentorshipId: string;
  hostId: string;
  menteeId: string;
  startsAt: Date;
  endsAt: Date;
  status: SessionOutcome;
  agenda: string | null;
  bookedAt: Date;
  /** Who moved it out of SCHEDULED (null: the completion sweep), when, and why. */
  finishedBy: string | null;
  finishedAt: Date;
  reason: string | null;
  lateCancellation: boolean;
  /** The participant reported absent, for a no-show. */
  absentId: string | null;
}

export interface PlannedGoalUpdate {
  goalId: string;
  authorId: string;
  progress: number;
  at: Date;
}

export interface PlannedFinish {
  mentorshipId: string;
  status: 'COMPLETED' | 'ENDED';
  actorId: string;
  reason: string;
  at: Date;
}

export interface ProgramHistory {
  sessions: PlannedSession[];
  checkIns: CheckIn[];
  goalUpdates: PlannedGoalUpdate[];
  finishes: PlannedFinish[];
}

/**
 * How a pair keeps the rhythm: the chance it meets in each check-in window, how often each
 * side checks in, and how useful they find it. Most pairs are steady, some patchy, a few
 * fade after their first weeks and a few stop early.
 */
interface Engagement {
  share: number;
  meets: (window: number) => number;
  menteeChecksIn: number;
  mentorChecksIn: number;
  usefulness: readonly [number, number];
  /** Ends (ENDED) after this many meetings; undefined: stays. */
  dropsAfter?: number;
}

const ENGAGEMENTS: readonly Engagement[] = [
  { share: 0.5, meets: () => 0.92, menteeChecksIn: 0.85, mentorChecksIn: 0.7, usefulness: [4, 5] },
  { share: 0.28, meets: () => 0.65, menteeChecksIn: 0.65, mentorChecksIn: 0.45, usefulness: [3, 5] },
  { share: 0.14, meets: (w) => (w < 2 ? 0.9 : 0.25), menteeChecksIn: 0.5, mentorChecksIn: 0.3, usefulness: [2, 4] },
  { share: 0.08, meets: () => 0.8, menteeChecksIn: 0.6, mentorChecksIn: 0.4, usefulness: [2, 3], dropsAfter: 2 },
];
/** Of the steady pairs, the share that reach their goals and complete before the program ends. */
const COMPLETES_EARLY = 0.2;
const EARLIEST_COMPLETION_WINDOW = 3;

const AGENDAS = [
  'Review the first 30 days and agree goals',
  'Feedback on my design document',
  'Preparing for my first on-call rotation',
  'How to run a good retro',
  'Career conversation: where do I want to be in a year?',
  'Pairing on a tricky code review',
];
const NOTES = [
  'Clear next steps, thank you.',
  'Good conversation about ownership and scope.',
  'We ran out of time; more on this next session.',
  'Really useful framing for the promotion discussion.',
  null,
];
const NEXT_STEPS = [
  'Draft the proposal and share it before Friday.',
  'Shadow an incident review.',
  'Ask my lead for feedback on the last project.',
  'Read the two chapters we talked about.',
  null,
];
const CANCEL_REASONS = ['Sick today, sorry', 'Clash with a customer call', 'Travelling this week', null];
const END_REASONS = ['Our schedules never lined up', 'Changed teams; we agreed to stop', 'Left the company'];

/**
 * The past of a running program, pair by pair: a meeting in most check-in windows (on a
 * weekday, at the pair's hour in the mentor's zone), some cancelled (and often rebooked)
 * or missed, check-ins after most held sessions with the mentee's goal progress, and a few
 * pairs that stop early or complete. Every session ends before `until`; the same pairs and
 * generator state give the same history.
 */
export function planProgramHistory(
  prng: Prng,
  pairs: readonly HistoryPair[],
  span: { startedAt: Date; until: Date; everyDays: number },
): ProgramHistory {
  const history: ProgramHistory = { sessions: [], checkIns: [], goalUpdates: [], finishes: [] };
  for (const pair of pairs) planPair(prng, pair, span, history);
  return history;
}

function planPair(
  prng: Prng,
  pair: HistoryPair,
  span: { startedAt: Date; until: Date; everyDays: number },
  history: ProgramHistory,
): void {
  const engagement = pickEngagement(prng);
  const completes = engagement === ENGAGEMENTS[0] && prng.chance(COMPLETES_EARLY);
  const progress = new Map(pair.goalIds.map((id) => [id, 0]));
  // Each pair keeps its own day within the window, so the program's meetings spread over every week.
  const phase = prng.int(3, span.everyDays + 2);
  let meetings = 0;
  for (let window = 0; ; window++) {
    const day = span.startedAt.getTime() + (phase + span.everyDays * window + prng.int(-2, 2)) * DAY;
    const startsAt = meetingTime(day, pair);
    if (startsAt.getTime() + HOUR > span.until.getTime()) return;
    if (!prng.chance(engagement.meets(window))) continue;
    const held = meet(prng, pair, span, startsAt, history);
    if (!held) continue;
    meetings += 1;
    const finishing = completes && window >= EARLIEST_COMPLETION_WINDOW && prng.chance(0.5);
    checkIn(prng, pair, engagement, held, finishing, progress, history);
    const finish = finishing
      ? { status: 'COMPLETED' as const, reason: 'We reached both goals early', after: 2 * DAY }
      : meetings === engagement.dropsAfter
        ? { status: 'ENDED' as const, reason: prng.pick(END_REASONS), after: prng.int(4, 10) * DAY }
        : null;
    if (finish) {
      const at = new Date(held.endsAt.getTime() + finish.after);
      if (at > span.until) return;
      const actorId = prng.chance(0.5) ? pair.menteeId : pair.mentorId;
      history.finishes.push({
        mentorshipId: pair.mentorshipId,
        status: finish.status,
        actorId,
        reason: finish.reason,
        at,
      });
      return;
    }
  }
}

function pickEngagement(prng: Prng): Engagement {
  let roll = prng.next();
  for (const engagement of ENGAGEMENTS) {
    roll -= engagement.share;
    if (roll < 0) return engagement;
  }
  return ENGAGEMENTS[0];
}

/** The pair's hour on that UTC day's date in the mentor's zone, moved off a weekend to Monday. */
function meetingTime(dayMs: number, pair: HistoryPair): Date {
  const date = DateTime.fromMillis(dayMs, { zone: 'UTC' });
  let local = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: 10 + 2 * pair.slot },
    { zone: pair.mentorZone },
  );
  if (local.weekday > 5) local = local.plus({ days: 8 - local.weekday });
  return local.toJSDate();
}

/**
 * One booked meeting and how it went. A cancelled one is often rebooked a few days later at
 * the same hour; returns the session held, if any.
 */
function meet(
  prng: Prng,
  pair: HistoryPair,
  span: { startedAt: Date; until: Date },
  startsAt: Date,
  history: ProgramHistory,
): PlannedSession | null {
  const roll = prng.next();
  const outcome: SessionOutcome = roll < 0.08 ? 'CANCELLED' : roll < 0.14 ? 'NO_SHOW' : 'COMPLETED';
  const session = plannedSession(prng, pair, span.startedAt, startsAt, outcome);
  history.sessions.push(session);
  if (outcome === 'COMPLETED') return session;
  if (outcome === 'NO_SHOW' || !prng.chance(0.7)) return null;
  const rebookedAt = meetingTime(startsAt.getTime() + prng.int(2, 3) * DAY, pair);
  if (rebookedAt.getTime() + HOUR > span.until.getTime()) return null;
  const rebooked = plannedSession(prng, pair, session.finishedAt, rebookedAt, 'COMPLETED');
  history.sessions.push(rebooked);
  return rebooked;
}

function plannedSession(
  prng: Prng,
  pair: HistoryPair,
  notBefore: Date,
  startsAt: Date,
  status: SessionOutcome,
): PlannedSession {
  const endsAt = new Date(startsAt.getTime() + HOUR);
  const bookedAt = new Date(Math.max(startsAt.getTime() - prng.int(2, 9) * DAY, notBefore.getTime() + HOUR));
  const session: PlannedSession = {
    id: prng.uuid(),
    mentorshipId: pair.mentorshipId,
    hostId: pair.mentorId,
    menteeId: pair.menteeId,
    startsAt,
    endsAt,
    status,
    agenda: prng.chance(0.6) ? prng.pick(AGENDAS) : null,
    bookedAt,
    finishedBy: null,
    finishedAt: new Date(endsAt.getTime() + 2 * HOUR),
    reason: null,
    lateCancellation: false,
    absentId: null,
  };
  if (status === 'CANCELLED') {
    const hoursAhead = Math.min(prng.int(2, 60), (startsAt.getTime() - bookedAt.getTime()) / HOUR - 1);
    session.finishedBy = prng.chance(0.5) ? pair.menteeId : pair.mentorId;
    session.finishedAt = new Date(startsAt.getTime() - hoursAhead * HOUR);
    session.reason = prng.pick(CANCEL_REASONS);
    session.lateCancellation = hoursAhead < 24;
  } else if (status === 'NO_SHOW') {
    const menteeAbsent = prng.chance(0.75);
    session.absentId = menteeAbsent ? pair.menteeId : pair.mentorId;
    session.finishedBy = menteeAbsent ? pair.mentorId : pair.menteeId;
    session.finishedAt = new Date(startsAt.getTime() + 20 * 60_000);
    session.reason = `absent: ${session.absentId}`;
  } else if (prng.chance(0.7)) {
    // Marked held by a participant shortly after; otherwise the completion sweep did it.
    session.finishedBy = prng.chance(0.6) ? pair.menteeId : pair.mentorId;
    session.finishedAt = new Date(endsAt.getTime() + prng.int(5, 90) * 60_000);
  }
  return session;
}

/** Each side's check-in on a held session; the mentee's moves their goals (to 100 when finishing). */
function checkIn(
  prng: Prng,
  pair: HistoryPair,
  engagement: Engagement,
  session: PlannedSession,
  finishing: boolean,
  progress: Map<string, number>,
  history: ProgramHistory,
): void {
  for (const [authorId, chance] of [
    [pair.menteeId, finishing ? 1 : engagement.menteeChecksIn],
    [pair.mentorId, engagement.mentorChecksIn],
  ] as const) {
    if (!prng.chance(chance)) continue;
    const at = new Date(session.endsAt.getTime() + prng.int(1, 40) * HOUR);
    history.checkIns.push({
      id: prng.uuid(),
      sessionId: session.id,
      authorId,
      usefulness: prng.int(...engagement.usefulness),
      note: prng.pick(NOTES),
      nextSteps: prng.pick(NEXT_STEPS),
      createdAt: at,
    });
    if (authorId !== pair.menteeId) continue;
    for (const [goalId, before] of progress) {
      if (!finishing && (before === 100 || !prng.chance(0.75))) continue;
      const after = finishing ? 100 : Math.min(100, before + prng.int(8, 20));
      progress.set(goalId, after);
      history.goalUpdates.push({ goalId, authorId, progress: after, at });
    }
  }
}
