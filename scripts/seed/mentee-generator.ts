import { INDUSTRY_CONTENT } from './industry-content.js';
import { randomPerson, type Person } from './people.js';
import type { Prng } from './prng.js';
import type { SeedIndustry } from './mentor-generator.js';

export interface GeneratedMentee {
  person: Person;
  goals: string[];
  industrySlugs: string[];
  skillNames: string[];
  experienceLevel: number;
  bio: string | null;
}

const GOAL_OPENERS = ['Get better at', 'Prepare for', 'Find my way into', 'Make progress on', 'Get advice on'];

/** One mentee with goals drawn from the industries they care about. */
export function generateMentee(prng: Prng, industries: readonly SeedIndustry[]): GeneratedMentee {
  const person = randomPerson(prng);
  const interests = prng.sample(industries, prng.int(1, 3));
  const goals = interests.flatMap((industry) => {
    const content = INDUSTRY_CONTENT[industry.slug];
    return content ? [`${prng.pick(GOAL_OPENERS)} ${prng.pick(content.focus)}`] : [];
  });
  const skillNames = interests.flatMap((industry) => prng.sample(INDUSTRY_CONTENT[industry.slug]?.skills ?? [], 2));
  const experienceLevel = prng.int(0, 15);
  return {
    person,
    goals: [...new Set(goals)],
    industrySlugs: interests.map((industry) => industry.slug),
    skillNames: [...new Set(skillNames)],
    experienceLevel,
    bio: prng.chance(0.6)
      ? `${experienceLevel === 0 ? 'Just starting out' : `${experienceLevel} years into my career`} and looking for someone who has been where I want to go.`
      : null,
  };
}
