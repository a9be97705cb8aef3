import type { GeneratedMentor } from './mentor-generator.js';
import type { Prng } from './prng.js';

export interface GeneratedGroup {
  kind: 'GROUP' | 'CIRCLE';
  title: string;
  description: string;
  industrySlugs: string[];
  topicNames: string[];
  capacity: number;
  cadence: string;
  channel: string;
  sessionLengthMinutes: number;
}

/** One in this many published mentors hosts a group or a circle. */
export const GROUP_HOST_EVERY = 12;

/** A group or circle a published mentor hosts, on topics from their own skills. */
export function generateGroup(prng: Prng, mentor: GeneratedMentor): GeneratedGroup {
  const kind = prng.chance(0.6) ? 'GROUP' : 'CIRCLE';
  const topics = prng.sample(mentor.skillNames, Math.min(3, mentor.skillNames.length));
  const lead = topics[0] ?? 'Career growth';
  const title = kind === 'GROUP' ? `${lead} cohort with ${mentor.person.displayName}` : `${lead} practice circle`;
  const description =
    kind === 'GROUP'
      ? `A small cohort working through ${topics.join(', ')} together: short talks, real cases from members, and homework between sessions.`
      : `Peers who work on ${topics.join(', ')} meet to share what they tried, ask for feedback and hold each other to their goals. I facilitate.`;
  return {
    kind,
    title: title.slice(0, 120),
    description,
    industrySlugs: mentor.industrySlugs.slice(0, 1),
    topicNames: topics.length > 0 ? topics : [lead],
    capacity: prng.int(4, 12),
    cadence: prng.pick(['WEEKLY', 'BIWEEKLY', 'MONTHLY']),
    channel: prng.pick(['VIDEO', 'VIDEO', 'CHAT', 'IN_PERSON']),
    sessionLengthMinutes: prng.pick(mentor.sessionLengths),
  };
}
