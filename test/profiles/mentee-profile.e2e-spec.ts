import { errorCode } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { mentorInput, signUp, UPSERT_MENTOR } from './profile-fixtures.js';

const UPSERT_MENTEE = `mutation ($input: MenteeProfileInput!) {
  upsertMenteeProfile(input: $input) {
    id goals experienceLevel languages bio industries { slug } skills { name }
  }
}`;

function menteeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    goals: ['Move from support into product management', 'Learn <b>SQL</b> properly'],
    industries: ['technology', 'startups'],
    skills: ['product manager', 'SQL', 'sql'],
    experienceLevel: 3,
    languages: ['en', 'PT'],
    bio: 'Three years in customer support at a SaaS company.',
    ...overrides,
  };
}

const long = (n: number) => 'y'.repeat(n);

const CASES: Array<[string, Record<string, unknown>, string]> = [
  ['no goals', { goals: [] }, 'input.goals'],
  ['six goals', { goals: ['goal one', 'goal two', 'goal three', 'goal four', 'goal five', 'goal six'] }, 'input.goals'],
  ['a goal too short', { goals: ['valid goal', ' ab '] }, 'input.goals[1]'],
  ['a goal too long', { goals: [long(201)] }, 'input.goals[0]'],
  ['unknown industry', { industries: ['technology', 'alchemy'] }, 'input.industries[1]'],
  ['21 skills', { skills: Array.from({ length: 21 }, (_, i) => `Wanted ${i}`) }, 'input.skills'],
  ['empty skill', { skills: ['SQL', ''] }, 'input.skills[1]'],
  ['negative experience', { experienceLevel: -1 }, 'input.experienceLevel'],
  ['experience over 60', { experienceLevel: 61 }, 'input.experienceLevel'],
  ['no languages', { languages: [] }, 'input.languages'],
  ['unknown language', { languages: ['zz'] }, 'input.languages[0]'],
  ['bio too long', { bio: long(2001) }, 'input.bio'],
];

describe('mentee profile', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('saves goals, folded skills and languages, and shows them only to the mentee', async () => {
    const mentee = await signUp(system, 'Mia Mentee');
    const res = await system.gql(UPSERT_MENTEE, { input: menteeInput() }, mentee.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.upsertMenteeProfile).toMatchObject({
      goals: ['Move from support into product management', 'Learn <b>SQL</b> properly'],
      experienceLevel: 3,
      languages: ['en', 'pt'],
      industries: [{ slug: 'technology' }, { slug: 'startups' }],
      skills: [{ name: 'Product Management' }, { name: 'SQL' }],
    });

    const mine = await system.gql(`{ me { menteeProfile { goals } } }`, {}, mentee.token);
    expect(mine.data.me.menteeProfile.goals).toHaveLength(2);

    // The same person as a published mentor: others see the mentor side only.
    const created = await system.gql(UPSERT_MENTOR, { input: mentorInput() }, mentee.token);
    await system.gql(`mutation { publishMentorProfile { id } }`, {}, mentee.token);
    const other = await signUp(system);
    const seen = await system.gql(
      `query ($id: ID!) { mentor(id: $id) { user { menteeProfile { goals } } } }`,
      { id: created.data.upsertMentorProfile.id },
      other.token,
    );
    expect(seen.data.mentor.user.menteeProfile).toBeNull();
  });

  it('edits in place, keeping a left-out bio and clearing a null one', async () => {
    const { token } = await signUp(system);
    const first = await system.gql(UPSERT_MENTEE, { input: menteeInput() }, token);
    const kept = menteeInput({ goals: ['A different goal'] });
    delete kept.bio;
    const second = await system.gql(UPSERT_MENTEE, { input: kept }, token);
    expect(second.data.upsertMenteeProfile).toMatchObject({
      id: first.data.upsertMenteeProfile.id,
      goals: ['A different goal'],
      bio: 'Three years in customer support at a SaaS company.',
    });
    const cleared = await system.gql(UPSERT_MENTEE, { input: menteeInput({ bio: null }) }, token);
    expect(cleared.data.upsertMenteeProfile.bio).toBeNull();
  });

  it.each(CASES)('refuses %s, naming the field, and saves nothing', async (_, override, field) => {
    const { token } = await signUp(system);
    const res = await system.gql(UPSERT_MENTEE, { input: menteeInput(override) }, token);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    const [{ n }] = await system.db.query(`SELECT count(*)::int AS n FROM mentee_profiles`);
    expect(n).toBe(0);
  });
});
