import type { ProgramFigures, ProgramWeek } from '../../programs/program-metrics.js';
import { NotificationKind } from '../notification-types.js';
import type { NotificationMessage } from './message.js';

export interface ProgramDigestFacts {
  programId: string;
  programName: string;
  figures: ProgramFigures;
  /** The last full week, when the program already ran through one. */
  lastWeek: ProgramWeek | null;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const percent = (share: number | null) => (share === null ? 'not yet known' : `${Math.round(share * 100)}%`);
const decimal = (value: number | null, suffix = '') =>
  value === null ? 'not yet known' : `${value.toFixed(1)}${suffix}`;

/** To each admin of a running program, once a week: the figures of Program.metrics, in words. */
export function programDigest(facts: ProgramDigestFacts): NotificationMessage {
  const f = facts.figures;
  const title = `This week's figures for ${facts.programName}`;
  const people =
    `${count(f.mentors, 'mentor')} and ${count(f.mentees, 'mentee')} enrolled; ` +
    `${count(f.matchedMentees, 'mentee')} matched, ${count(f.activeMentorships, 'mentorship')} active.`;
  const held = `${count(f.sessionsHeld, 'session')} held`;
  const week = facts.lastWeek
    ? `Week of ${facts.lastWeek.weekStarting}: ${count(facts.lastWeek.sessionsHeld, 'session')} held, ${count(facts.lastWeek.checkIns, 'check-in')}.`
    : null;
  return {
    kind: NotificationKind.PROGRAM_DIGEST,
    title,
    body: `${people} ${held} so far.`,
    link: `/programs/${facts.programId}`,
    email: {
      subject: title,
      lines: [
        people,
        ...(week ? [week] : []),
        `Since the start: ${held}, ${decimal(f.sessionsPerPairPerMonth)} per pair per month; ` +
          `${percent(f.checkInRate)} of them checked in, usefulness ${decimal(f.averageUsefulness, ' of 5')}.`,
        `Average goal progress ${decimal(f.averageGoalProgress, ' of 100')}; completion ${percent(f.completionRate)}, ` +
          `30-day retention ${percent(f.retention30d)}.`,
        'The weekly breakdown and a CSV export are on the program page.',
      ],
    },
  };
}
