import { utcOffsetMinutes } from '@app/platform';
import type { MenteeProfile } from '../profiles/mentee-profile.entity.js';
import type { MentorProfile } from '../profiles/mentor-profile.entity.js';
import { bayesianRating } from './bayesian-rating.js';
import type { FormatFit } from './format-fit.js';
import { goalWords, type MatchNames } from './match-words.js';

export interface ScoredMentor {
  mentor: MentorProfile;
  score: number;
  reasons: string[];
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const listFormat = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

const WEIGHTS = { skill: 3, industry: 2, goalWord: 1, language: 1, timeZone: 2, rating: 1 };
const MAX_TZ_HOURS = 12;

/**
 * Scores one mentor for one mentee: shared skills weigh most, then industries, goal
 * words in the mentor's headline and bio, a shared language, closeness in time, and
 * (lightly) rating. Each contribution that counts comes with a reason a person can read.
 */
export function scoreMatch(
  mentee: MenteeProfile,
  menteeTimeZone: string,
  mentor: MentorProfile,
  names: MatchNames,
  now: Date = new Date(),
  fit: FormatFit = { score: 0, reasons: [] },
): ScoredMentor {
  // What the asked format looks for comes first: it is why this list differs from the plain one.
  const reasons: string[] = [...fit.reasons];
  let score = fit.score;

  const industries = mentor.industrySlugs.filter((slug) => mentee.industrySlugs.includes(slug));
  for (const slug of industries) reasons.push(`shares your interest in ${names.industries.get(slug) ?? slug}`);
  score += WEIGHTS.industry * industries.length;

  const skills = mentor.skillIds.filter((id) => mentee.skillIds.includes(id)).map((id) => names.skills.get(id) ?? id);
  if (skills.length > 0) reasons.push(`knows ${listFormat.format(skills.slice(0, 3))}`);
  score += WEIGHTS.skill * skills.length;

  const text = `${mentor.headline} ${mentor.bio}`.toLowerCase();
  const goals = [...goalWords(mentee.goals)].filter((word) => text.includes(word));
  if (goals.length > 0) reasons.push(`writes about ${listFormat.format(goals.slice(0, 3))} from your goals`);
  score += WEIGHTS.goalWord * Math.min(goals.length, 3);

  const languages = mentor.languages.filter((code) => mentee.languages.includes(code));
  if (languages.length > 0) {
    reasons.push(`speaks ${listFormat.format(languages.map((code) => languageNames.of(code) ?? code))}`);
    score += WEIGHTS.language;
  } else if (mentee.languages.length > 0) {
    score -= WEIGHTS.skill;
  }

  const hours = Math.abs(utcOffsetMinutes(mentor.timeZone, now) - utcOffsetMinutes(menteeTimeZone, now)) / 60;
  reasons.push(hours === 0 ? 'in your time zone' : `${formatHours(hours)} from your time zone`);
  score += WEIGHTS.timeZone * Math.max(0, 1 - hours / MAX_TZ_HOURS);

  score += WEIGHTS.rating * (bayesianRating(mentor.ratingSum, mentor.ratingCount) - 4);
  return { mentor, score: Math.round(score * 1000) / 1000, reasons };
}

function formatHours(hours: number): string {
  return Number.isInteger(hours) ? `${hours}h` : `${hours.toFixed(1)}h`;
}
