import type { MenteeProfile } from '../profiles/mentee-profile.entity.js';
import { MentorshipFormat, type MentorProfile } from '../profiles/mentor-profile.entity.js';
import { goalWords, type MatchNames } from './match-words.js';

/** How near in years a peer is. */
export const PEER_YEARS = 3;

const WEIGHTS = { peerYears: 5, sharedGoal: 2, junior: 4, wantedSkill: 3, offers: 1, farPerYear: 0.5, senior: 4 };
const MAX_SHARED_GOALS = 3;
const listFormat = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

const FORMAT_NAMES: Record<MentorshipFormat, string> = {
  ONE_ON_ONE: 'one-on-one',
  GROUP: 'group',
  PEER: 'peer',
  REVERSE: 'reverse',
  CIRCLE: 'circle',
};

export interface FormatFit {
  score: number;
  reasons: string[];
}

/**
 * What a format asks of a match beyond shared skills and interests. PEER: about the same
 * experience (within ±3 years) and goals of one's own that overlap the mentee's. REVERSE:
 * less experience than the mentee, holding skills the mentee wants (the senior leader
 * learning digital skills from a junior colleague). Any format: the mentor offers it.
 */
export function formatFit(
  format: MentorshipFormat | null,
  mentee: MenteeProfile,
  mentor: MentorProfile,
  mentorGoals: readonly string[],
  names: MatchNames,
): FormatFit {
  const fit: FormatFit = { score: 0, reasons: [] };
  if (!format) return fit;
  if (mentor.formats.includes(format)) {
    fit.score += WEIGHTS.offers;
    fit.reasons.push(`offers ${FORMAT_NAMES[format]} mentoring`);
  }
  const theirs = mentor.yearsOfExperience;
  const yours = mentee.experienceLevel;
  const years = (n: number) => `${n} year${n === 1 ? '' : 's'}`;
  if (format === MentorshipFormat.PEER) {
    const apart = Math.abs(theirs - yours);
    if (apart <= PEER_YEARS) {
      fit.score += WEIGHTS.peerYears;
      fit.reasons.push(`a peer: ${years(theirs)} of experience to your ${years(yours)}`);
    } else {
      fit.score -= WEIGHTS.farPerYear * (apart - PEER_YEARS);
    }
    const mine = goalWords(mentorGoals);
    const shared = [...goalWords(mentee.goals)].filter((word) => mine.has(word)).slice(0, MAX_SHARED_GOALS);
    if (shared.length > 0) {
      fit.score += WEIGHTS.sharedGoal * shared.length;
      fit.reasons.push(`is working towards the same goals: ${listFormat.format(shared)}`);
    }
  }
  if (format === MentorshipFormat.REVERSE) {
    if (theirs < yours) {
      fit.score += WEIGHTS.junior;
      fit.reasons.push(`brings a fresh view: ${years(theirs)} of experience to your ${years(yours)}`);
      const wanted = mentor.skillIds.filter((id) => mentee.skillIds.includes(id));
      if (wanted.length > 0) {
        fit.score += WEIGHTS.wantedSkill * wanted.length;
        const skillNames = wanted.slice(0, 3).map((id) => names.skills.get(id) ?? id);
        fit.reasons.push(`holds skills you want to learn: ${listFormat.format(skillNames)}`);
      }
    } else {
      fit.score -= WEIGHTS.senior;
    }
  }
  return fit;
}
