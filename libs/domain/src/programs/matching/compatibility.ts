/** What matching reads of one enrolment's intake; skills are folded taxonomy ids, goals folded text. */
export interface MatchIntake {
  /** Folded with foldGoal, so differently written goals compare equal. */
  goals: readonly string[];
  /** The goals as the person wrote them, index for index, for the reasons; the folded text when absent. */
  goalLabels?: readonly string[];
  skills: readonly string[];
  industries: readonly string[];
  communicationStyle: string;
  languages: readonly string[];
  /** The person's UTC offset now, in minutes. */
  utcOffsetMinutes: number;
  hoursPerMonth: number;
}

export interface Compatibility {
  /** 0..100 whole points, so sums are exact and optimal totals can be asserted. */
  score: number;
  reasons: string[];
}

/** The most each part adds; they sum to 100. */
export const SCORE_WEIGHTS = {
  goals: 25,
  skills: 30,
  industries: 10,
  communicationStyle: 10,
  timeZone: 15,
  hours: 10,
} as const;

/** Hours apart beyond which shared working hours vanish and the time-zone part adds nothing. */
const MAX_USEFUL_HOURS_APART = 12;

/** Folds free-text goals so "Grow into a Tech Lead " and "grow into a tech lead" are one goal. */
export function foldGoal(goal: string): string {
  return goal.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function shared(wanted: readonly string[], offered: readonly string[]): string[] {
  const have = new Set(offered);
  return wanted.filter((item) => have.has(item));
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * How well a mentor fits a mentee, with the reasons a person can read; null when they
 * share no language, which no score can make up for. `names` turns a skill id into
 * its display name for the reasons.
 */
export function compatibility(
  mentor: MatchIntake,
  mentee: MatchIntake,
  names: (skillId: string) => string = (id) => id,
): Compatibility | null {
  const reasons: string[] = [];
  const score = scorePair(mentor, mentee, reasons, names);
  return score === null ? null : { score, reasons };
}

/** The score alone, for scoring every pair of a round without writing reasons nobody reads. */
export function compatibilityScore(mentor: MatchIntake, mentee: MatchIntake): number | null {
  return scorePair(mentor, mentee, null, (id) => id);
}

function scorePair(
  mentor: MatchIntake,
  mentee: MatchIntake,
  reasons: string[] | null,
  names: (skillId: string) => string,
): number | null {
  const languages = shared(mentee.languages, mentor.languages);
  if (languages.length === 0) return null;
  reasons?.push(`You both speak ${languages.join(', ')}`);
  let score = 0;

  const goals = shared(mentee.goals, mentor.goals);
  if (goals.length > 0) {
    score += (SCORE_WEIGHTS.goals * goals.length) / mentee.goals.length;
    const label = (goal: string) => mentee.goalLabels?.[mentee.goals.indexOf(goal)] ?? goal;
    reasons?.push(`Shared goals: ${goals.map(label).join('; ')}`);
  }
  const skills = shared(mentee.skills, mentor.skills);
  if (skills.length > 0) {
    score += (SCORE_WEIGHTS.skills * skills.length) / mentee.skills.length;
    reasons?.push(
      `Offers ${skills.length} of the ${plural(mentee.skills.length, 'skill', 'skills')} wanted: ${skills.map(names).join(', ')}`,
    );
  }
  const industries = shared(mentee.industries, mentor.industries);
  if (industries.length > 0) {
    score += SCORE_WEIGHTS.industries;
    reasons?.push(`Same industry: ${industries.join(', ')}`);
  }
  if (mentor.communicationStyle === mentee.communicationStyle) {
    score += SCORE_WEIGHTS.communicationStyle;
    reasons?.push(`Both prefer a ${mentee.communicationStyle.toLowerCase().replace('_', '-')} style`);
  }
  const hoursApart = hoursBetween(mentor.utcOffsetMinutes, mentee.utcOffsetMinutes);
  score += SCORE_WEIGHTS.timeZone * (1 - Math.min(hoursApart, MAX_USEFUL_HOURS_APART) / MAX_USEFUL_HOURS_APART);
  reasons?.push(hoursApart === 0 ? 'Same time zone' : `${plural(hoursApart, 'hour', 'hours')} apart in time zones`);
  const hoursFit =
    Math.min(mentor.hoursPerMonth, mentee.hoursPerMonth) / Math.max(mentor.hoursPerMonth, mentee.hoursPerMonth);
  score += SCORE_WEIGHTS.hours * hoursFit;
  if (hoursFit >= 0.75) {
    reasons?.push(`Similar time to give: ${mentor.hoursPerMonth} and ${mentee.hoursPerMonth} hours a month`);
  }
  return Math.round(score);
}

/** Hours between two UTC offsets the short way round the clock, rounded to the half hour below. */
function hoursBetween(a: number, b: number): number {
  const minutes = Math.abs(a - b) % (24 * 60);
  return Math.floor(Math.min(minutes, 24 * 60 - minutes) / 30) / 2;
}
