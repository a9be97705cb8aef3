import { errorCode } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { mentorInput, PAUSE_MENTOR, PUBLISH_MENTOR, signUp, UPSERT_MENTOR } from '../profiles/profile-fixtures.js';

const INDUSTRIES = `{ industries { slug name mentorCount } }`;
const SKILLS = `query ($query: String, $first: Int) { skills(query: $query, first: $first) { slug name } }`;

describe('taxonomy', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const countsOf = async (): Promise<Record<string, number>> => {
    const res = await system.gql(INDUSTRIES);
    return Object.fromEntries(
      res.data.industries.map((i: { slug: string; mentorCount: number }) => [i.slug, i.mentorCount]),
    );
  };

  it('lists the curated industries a career platform needs', async () => {
    const res = await system.gql(INDUSTRIES);
    expect(res.data.industries.length).toBeGreaterThanOrEqual(24);
    const slugs = res.data.industries.map((i: { slug: string }) => i.slug);
    for (const needed of [
      'technology',
      'finance',
      'healthcare',
      'design',
      'media-entertainment',
      'advertising-marketing',
      'startups',
      'education',
      'law',
      'manufacturing',
      'energy',
      'retail-ecommerce',
      'public-sector',
      'non-profit',
    ]) {
      expect(slugs).toContain(needed);
    }
  });

  it('counts only published mentors, live', async () => {
    const published = await signUp(system);
    const drafting = await signUp(system);
    await system.gql(UPSERT_MENTOR, { input: mentorInput({ industries: ['technology', 'fintech'] }) }, published.token);
    await system.gql(UPSERT_MENTOR, { input: mentorInput({ industries: ['technology'] }) }, drafting.token);
    expect((await countsOf()).technology).toBe(0);

    await system.gql(PUBLISH_MENTOR, {}, published.token);
    expect(await countsOf()).toMatchObject({ technology: 1, fintech: 1, law: 0 });

    const mentor = await system.gql(
      `{ me { mentorProfile { industries { slug mentorCount } } } }`,
      {},
      published.token,
    );
    expect(mentor.data.me.mentorProfile.industries).toEqual([
      { slug: 'technology', mentorCount: 1 },
      { slug: 'fintech', mentorCount: 1 },
    ]);

    await system.gql(PAUSE_MENTOR, {}, published.token);
    expect((await countsOf()).technology).toBe(0);
  });

  it.each([
    ['kubernets', 'Kubernetes'],
    ['k8s', 'Kubernetes'],
    ['Java Script', 'JavaScript'],
    ['js', 'JavaScript'],
    ['ux', 'User Experience Design'],
    ['machine lerning', 'Machine Learning'],
    ['postgre', 'PostgreSQL'],
    ['C++', 'C++'],
  ])('suggests for %p first %p', async (query, name) => {
    const res = await system.gql(SKILLS, { query, first: 5 });
    expect(res.errors).toBeUndefined();
    expect(res.data.skills[0].name).toBe(name);
  });

  it('completes a prefix with every skill it starts', async () => {
    const res = await system.gql(SKILLS, { query: 'jav', first: 10 });
    const names = res.data.skills.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(['Java', 'JavaScript']));
  });

  it('finds skills that mentors created', async () => {
    const { token } = await signUp(system);
    await system.gql(UPSERT_MENTOR, { input: mentorInput({ skills: ['Quantum Annealing'] }) }, token);
    const res = await system.gql(SKILLS, { query: 'quantum aneal', first: 3 });
    expect(res.data.skills[0]).toEqual({ slug: 'quantum-annealing', name: 'Quantum Annealing' });
  });

  it('honours first and refuses sizes outside 1..100', async () => {
    expect((await system.gql(SKILLS, { query: 'a', first: 1 })).data.skills).toHaveLength(1);
    expect((await system.gql(SKILLS, { first: 100 })).data.skills).toHaveLength(100);
    for (const first of [0, 101, -5]) {
      const res = await system.gql(SKILLS, { query: 'a', first });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe('first');
    }
    const tooLong = await system.gql(SKILLS, { query: 'x'.repeat(101) });
    expect(res(tooLong)).toBe('query');
  });
});

function res(response: { errors?: Array<{ extensions?: { field?: string } }> }): string | undefined {
  return response.errors?.[0]?.extensions?.field;
}
