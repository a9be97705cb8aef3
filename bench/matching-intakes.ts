import type { MatchIntake, MatchingMentor } from '@app/domain';
import { utcOffsetMinutes } from '@app/platform';
import { type Prng } from '../scripts/seed/prng.js';

/** Random but plausible program intakes, the same for the same seed on any machine. */
const GOALS = [
  'lead my first team',
  'grow into a staff engineer',
  'switch into product management',
  'get promoted',
  'speak at a conference',
  'improve system design',
  'negotiate my salary',
  'manage stakeholders',
  'build a portfolio',
  'balance work and family',
  'start a side business',
  'learn to give feedback',
];
const SKILLS = Array.from({ length: 40 }, (_, i) => `skill-${i}`);
const INDUSTRIES = ['technology', 'finance', 'healthcare', 'education', 'retail', 'energy', 'media', 'public-sector'];
const STYLES = ['DIRECT', 'SUPPORTIVE', 'SOCRATIC', 'HANDS_ON'];
const OTHER_LANGUAGES = ['de', 'es', 'fr', 'pt', 'ja'];
const TIME_ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Africa/Cairo',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Brisbane',
];
/** Offsets at one fixed instant, so a seed gives the same scores in any season. */
const AT = new Date('2026-01-15T12:00:00Z');

/** An intake as enrolled (a time zone name) and as matching reads it (its offset). */
export interface BenchIntake extends MatchIntake {
  timeZone: string;
}

function intake(rng: Prng, skills: [number, number]): BenchIntake {
  // Most speak English; some speak only another language, so the hard constraint bites.
  const languages = rng.chance(0.85) ? ['en'] : [];
  if (languages.length === 0 || rng.chance(0.3)) languages.push(rng.pick(OTHER_LANGUAGES));
  const timeZone = rng.pick(TIME_ZONES);
  return {
    goals: rng.sample(GOALS, rng.int(1, 3)),
    skills: rng.sample(SKILLS, rng.int(skills[0], skills[1])),
    industries: rng.sample(INDUSTRIES, rng.int(0, 2)),
    communicationStyle: rng.pick(STYLES),
    languages,
    timeZone,
    utcOffsetMinutes: utcOffsetMinutes(timeZone, AT),
    hoursPerMonth: rng.int(1, 20),
  };
}

export function randomMentors(
  rng: Prng,
  count: number,
  capacity: [number, number],
): Array<MatchingMentor & BenchIntake> {
  return Array.from({ length: count }, () => ({ ...intake(rng, [3, 10]), freePlaces: rng.int(...capacity) }));
}

export function randomMentees(rng: Prng, count: number): BenchIntake[] {
  return Array.from({ length: count }, () => intake(rng, [1, 5]));
}
