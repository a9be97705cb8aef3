import { ACCEPT_REQUEST, errorCode, sendRequest, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import {
  createMentor,
  PAUSE_MENTOR,
  SEARCH,
  searchIds,
  signUp,
  UPSERT_MENTOR,
  mentorInput,
} from './search-fixtures.js';

describe('searchMentors over GraphQL', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  afterAll(() => system.close());
  beforeEach(() => system.reset());

  it('finds published mentors with highlights, facets, totalCount and tookMs', async () => {
    const k8s = await createMentor(system, {
      headline: 'Platform engineer teaching Kubernetes in production',
      skills: ['Kubernetes', 'Go'],
      industries: ['fintech'],
    });
    await createMentor(system, { headline: 'Product designer mentoring juniors', skills: ['Figma'] });
    await system.settle();

    const res = await system.gql(SEARCH, { query: 'k8s' });
    expect(res.errors).toBeUndefined();
    const result = res.data.searchMentors;
    expect(result.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([k8s.profileId]);
    expect(result.edges[0].highlights[0]).toContain('<mark>Kubernetes</mark>');
    expect(result.totalCount).toBe(1);
    expect(result.tookMs).toBeGreaterThanOrEqual(0);
    expect(result.facets.industries).toEqual([{ value: 'fintech', count: 1 }]);
    expect(result.facets.skills).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: 'kubernetes', count: 1 })]),
    );
    expect(await searchIds(system, { query: 'kuber' })).toEqual([k8s.profileId]);
    expect(await searchIds(system, { query: 'kubernetse' })).toEqual([k8s.profileId]);
    expect(await searchIds(system, { filter: { skills: ['k8s'] } })).toEqual([k8s.profileId]);
  });

  it('never shows drafts or paused profiles, and follows edits', async () => {
    const draft = await createMentor(system, { headline: 'Draft mentor about compilers' }, false);
    const live = await createMentor(system, { headline: 'Published mentor about compilers' });
    await system.settle();
    expect(await searchIds(system, { query: 'compilers' })).toEqual([live.profileId]);
    expect(await searchIds(system, {})).not.toContain(draft.profileId);

    const edited = await system.gql(
      UPSERT_MENTOR,
      { input: mentorInput({ headline: 'Published mentor about databases' }) },
      live.token,
    );
    expect(edited.errors).toBeUndefined();
    await system.settle();
    expect(await searchIds(system, { query: 'databases' })).toEqual([live.profileId]);
    expect(await searchIds(system, { query: 'compilers' })).toEqual([]);

    await system.gql(PAUSE_MENTOR, {}, live.token);
    await system.settle();
    expect(await searchIds(system, { query: 'databases' })).toEqual([]);
    expect(await searchIds(system, {})).toEqual([]);
  });

  it('hides mentors at capacity unless asked to include them', async () => {
    const full = await createMentor(system, { maxActiveMentees: 1, headline: 'Mentor with a single place left' });
    const mentee = await signUpUser(system, 'Capacity Mentee');
    const requestId = await sendRequest(system, mentee.token, full.profileId);
    expect((await system.gql(ACCEPT_REQUEST, { id: requestId }, full.token)).errors).toBeUndefined();
    await system.settle();
    expect(await searchIds(system, { query: 'single place' })).toEqual([]);
    const res = await system.gql(SEARCH, { query: 'single place', filter: { acceptingRequestsOnly: false } });
    expect(res.data.searchMentors.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([
      full.profileId,
    ]);
  });

  it('filters by time zones on current offsets', async () => {
    const tokyo = await createMentor(system, { timeZone: 'Asia/Tokyo' });
    await createMentor(system, { timeZone: 'America/New_York' });
    await system.settle();
    // Seoul shares Tokyo's offset; Sydney is within three hours of it all year.
    expect(await searchIds(system, { filter: { timeZones: ['Asia/Seoul'] } })).toEqual([tokyo.profileId]);
    expect(await searchIds(system, { filter: { timeZones: ['Australia/Sydney'] } })).toEqual([tokyo.profileId]);
  });

  it('pages with cursors', async () => {
    for (let i = 0; i < 5; i += 1) await createMentor(system, { headline: `Mentor ${i} for careers in tech` });
    await system.settle();
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: any } = await system.gql(SEARCH, { query: 'careers', first: 2, after });
      const page = res.data.searchMentors;
      seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(5);
  });

  it('handles blank, huge and hostile queries safely', async () => {
    const mentor = await createMentor(system);
    await system.settle();
    expect(await searchIds(system, { query: '   ' })).toEqual([mentor.profileId]);
    expect(await searchIds(system, { query: 'x'.repeat(10_000) })).toEqual([]);
    expect(await searchIds(system, { query: 'staff '.repeat(1_600) })).toEqual([mentor.profileId]);
    for (const query of [`'; DROP TABLE mentor_profiles; --`, `"staff" OR 1=1`, 'staff & | ! : * ( ) <->', '\\']) {
      const res = await system.gql(SEARCH, { query });
      expect(res.errors).toBeUndefined();
    }
    expect(await searchIds(system, { query: 'staff:*' })).toEqual([mentor.profileId]);
  });

  it('refuses bad input with the field named', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ query: 'x'.repeat(10_001) }, 'query'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ after: Buffer.from(JSON.stringify([1, 2, 'x'])).toString('base64url') }, 'after'],
      [{ filter: { industries: ['no-such-industry'] } }, 'filter.industries[0]'],
      [{ filter: { languages: ['english'] } }, 'filter.languages[0]'],
      [{ filter: { minRating: 6 } }, 'filter.minRating'],
      [{ filter: { countryCodes: ['DEU'] } }, 'filter.countryCodes[0]'],
    ];
    for (const [variables, field] of cases) {
      const res = await system.gql(SEARCH, variables);
      expect({ field, code: errorCode(res), got: res.errors?.[0]?.extensions?.field }).toEqual({
        field,
        code: 'BAD_USER_INPUT',
        got: field,
      });
    }
  });

  it('recommends mentors to a mentee with reasons', async () => {
    const match = await createMentor(system, {
      industries: ['fintech'],
      skills: ['Kubernetes'],
      timeZone: 'Europe/Lisbon',
      headline: 'Payments engineer mentoring on reliability',
    });
    const other = await createMentor(system, { industries: ['technology'], skills: ['Figma'], timeZone: 'Asia/Tokyo' });
    await system.settle();
    const mentee = await signUp(system, 'Europe/Berlin');
    const saved = await system.gql(
      `mutation ($input: MenteeProfileInput!) { upsertMenteeProfile(input: $input) { id } }`,
      {
        input: {
          goals: ['Improve reliability of payment systems'],
          industries: ['fintech'],
          skills: ['k8s'],
          experienceLevel: 3,
          languages: ['en'],
        },
      },
      mentee.token,
    );
    expect(saved.errors).toBeUndefined();
    const res = await system.gql(`{ recommendedMentors(first: 5) { score reasons mentor { id } } }`, {}, mentee.token);
    expect(res.errors).toBeUndefined();
    const [first, second] = res.data.recommendedMentors;
    expect(first.mentor.id).toBe(match.profileId);
    expect(second.mentor.id).toBe(other.profileId);
    expect(first.score).toBeGreaterThan(second.score);
    expect(first.reasons).toEqual(
      expect.arrayContaining(['shares your interest in Fintech', 'knows Kubernetes', 'speaks English']),
    );
    expect(first.reasons.some((reason: string) => /^1h from your time zone$|^in your time zone$/.test(reason))).toBe(
      true,
    );

    const anonymous = await system.gql(`{ recommendedMentors { score } }`);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });
});
