import { CLOSE_GROUP, createGroup } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { createMentor, SEARCH, searchIds, signUp } from './search-fixtures.js';

const UPSERT_MENTEE = `mutation ($input: MenteeProfileInput!) { upsertMenteeProfile(input: $input) { id } }`;
const RECOMMEND = `query ($format: MentorshipFormat) {
  recommendedMentors(first: 10, format: $format) { score reasons mentor { id } }
}`;

interface Match {
  score: number;
  reasons: string[];
  mentor: { id: string };
}

describe('peer, reverse and group formats in matching and search', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  afterAll(() => system.close());
  beforeEach(() => system.reset());

  const menteeWith = async (input: Record<string, unknown>) => {
    const mentee = await signUp(system);
    const saved = await system.gql(
      UPSERT_MENTEE,
      { input: { languages: ['en'], industries: [], ...input } },
      mentee.token,
    );
    if (!saved.data) throw new Error(JSON.stringify(saved.errors));
    return mentee;
  };
  const recommend = async (token: string, format: string | null): Promise<Match[]> => {
    const res = await system.gql(RECOMMEND, { format }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.recommendedMentors;
  };
  const order = (matches: Match[]) => matches.map((match) => match.mentor.id);

  it('PEER favours mentors within 3 years of the mentee with overlapping goals, and says so', async () => {
    const common = { skills: ['Public speaking'], industries: ['technology'] };
    const senior = await createMentor(system, { ...common, yearsOfExperience: 25, formats: ['ONE_ON_ONE', 'PEER'] });
    const peer = await createMentor(system, { ...common, yearsOfExperience: 6, formats: ['PEER'] });
    const near = await createMentor(system, { ...common, yearsOfExperience: 3, formats: ['ONE_ON_ONE'] });
    // A peer's own goals are the ones on their mentee profile.
    const ownGoals = await system.gql(
      UPSERT_MENTEE,
      {
        input: {
          goals: ['Grow into a public speaker'],
          industries: [],
          skills: [],
          experienceLevel: 6,
          languages: ['en'],
        },
      },
      peer.token,
    );
    expect(ownGoals.errors).toBeUndefined();
    await system.settle();
    const mentee = await menteeWith({
      goals: ['Become a confident public speaker'],
      skills: ['Public speaking'],
      experienceLevel: 5,
    });

    const plain = await recommend(mentee.token, null);
    // Without a format, experience and the mentors' own goals do not tell the three apart.
    expect(new Set(plain.map((match) => match.score)).size).toBe(1);
    const peers = await recommend(mentee.token, 'PEER');
    expect(order(peers)).toEqual([peer.profileId, near.profileId, senior.profileId]);
    expect(peers[0].reasons).toEqual(
      expect.arrayContaining([
        'offers peer mentoring',
        'a peer: 6 years of experience to your 5 years',
        'is working towards the same goals: public and speaker',
      ]),
    );
    expect(peers[1].reasons).toContain('a peer: 3 years of experience to your 5 years');
    expect(peers[2].reasons.some((reason) => reason.startsWith('a peer'))).toBe(false);
  });

  it('REVERSE favours less experienced mentors holding skills the mentee wants, and says so', async () => {
    const junior = await createMentor(system, {
      skills: ['TikTok marketing', 'Python'],
      yearsOfExperience: 3,
      formats: ['REVERSE'],
    });
    const seniorSkilled = await createMentor(system, { skills: ['TikTok marketing', 'Python'], yearsOfExperience: 30 });
    const juniorElsewhere = await createMentor(system, { skills: ['Figma'], yearsOfExperience: 2 });
    await system.settle();
    const leader = await menteeWith({
      goals: ['Understand social media as our customers use it'],
      skills: ['TikTok marketing', 'Python'],
      experienceLevel: 25,
    });

    const plain = await recommend(leader.token, null);
    expect(order(plain).indexOf(seniorSkilled.profileId)).toBeLessThan(order(plain).indexOf(juniorElsewhere.profileId));
    const reverse = await recommend(leader.token, 'REVERSE');
    expect(order(reverse)[0]).toBe(junior.profileId);
    expect(order(reverse).indexOf(juniorElsewhere.profileId)).toBeLessThan(
      order(reverse).indexOf(seniorSkilled.profileId),
    );
    expect(reverse[0].reasons).toEqual(
      expect.arrayContaining([
        'offers reverse mentoring',
        'brings a fresh view: 3 years of experience to your 25 years',
        expect.stringMatching(
          /^holds skills you want to learn: (TikTok marketing and Python|Python and TikTok marketing)$/,
        ),
      ]),
    );
    const senior = reverse.find((match) => match.mentor.id === seniorSkilled.profileId)!;
    expect(senior.reasons.some((reason) => reason.startsWith('brings a fresh view'))).toBe(false);
  });

  it('search filters on PEER and REVERSE, and shows hosts of open groups under GROUP and CIRCLE', async () => {
    const peer = await createMentor(system, { formats: ['PEER'] });
    const reverse = await createMentor(system, { formats: ['REVERSE'] });
    const host = await createMentor(system, { formats: ['ONE_ON_ONE'] });
    await system.settle();
    expect(await searchIds(system, { filter: { formats: ['PEER'] } })).toEqual([peer.profileId]);
    expect(await searchIds(system, { filter: { formats: ['REVERSE'] } })).toEqual([reverse.profileId]);
    expect(await searchIds(system, { filter: { formats: ['CIRCLE'] } })).toEqual([]);

    const circle = await createGroup(system, host.token, { kind: 'CIRCLE' });
    await system.settle();
    expect(await searchIds(system, { filter: { formats: ['CIRCLE'] } })).toEqual([host.profileId]);
    const facets = (await system.gql(SEARCH, {})).data.searchMentors.facets.formats;
    expect(facets).toEqual(expect.arrayContaining([{ value: 'CIRCLE', count: 1 }]));

    await system.gql(CLOSE_GROUP, { id: circle }, host.token);
    await system.settle();
    expect(await searchIds(system, { filter: { formats: ['CIRCLE'] } })).toEqual([]);
  });
});
