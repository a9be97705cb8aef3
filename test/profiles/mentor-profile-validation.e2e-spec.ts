import { errorCode } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { mentorInput, signUp, UPSERT_MENTOR } from './profile-fixtures.js';

const long = (n: number) => 'x'.repeat(n);

/** Each case breaks one limit of MentorProfileInput; the error must name that field. */
const CASES: Array<[string, Record<string, unknown>, string]> = [
  ['headline too short', { headline: 'short' }, 'input.headline'],
  ['headline too short once trimmed', { headline: '   nine chr   ' }, 'input.headline'],
  ['headline too long', { headline: long(121) }, 'input.headline'],
  ['bio too short', { bio: long(49) }, 'input.bio'],
  ['bio too long', { bio: long(5001) }, 'input.bio'],
  ['no industries', { industries: [] }, 'input.industries'],
  [
    'six industries',
    { industries: ['technology', 'finance', 'design', 'law', 'energy', 'education'] },
    'input.industries',
  ],
  ['unknown industry', { industries: ['technology', 'finance', 'underwater-basketry'] }, 'input.industries[2]'],
  ['no skills', { skills: [] }, 'input.skills'],
  ['21 skills', { skills: Array.from({ length: 21 }, (_, i) => `Skill ${i}`) }, 'input.skills'],
  ['blank skill', { skills: ['TypeScript', '   '] }, 'input.skills[1]'],
  ['punctuation-only skill', { skills: ['!!!'] }, 'input.skills[0]'],
  ['skill name too long', { skills: [long(51)] }, 'input.skills[0]'],
  ['negative experience', { yearsOfExperience: -1 }, 'input.yearsOfExperience'],
  ['experience over 60', { yearsOfExperience: 61 }, 'input.yearsOfExperience'],
  ['no languages', { languages: [] }, 'input.languages'],
  ['unknown language', { languages: ['en', 'xx'] }, 'input.languages[1]'],
  ['three-letter language', { languages: ['eng'] }, 'input.languages[0]'],
  [
    'eleven languages',
    { languages: ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'fi', 'pl'] },
    'input.languages',
  ],
  ['unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'input.timeZone'],
  ['unknown format', { formats: ['TELEPATHY'] }, 'input.formats[0]'],
  ['session too short', { sessionLengths: [30, 10] }, 'input.sessionLengths[1]'],
  ['session too long', { sessionLengths: [241] }, 'input.sessionLengths[0]'],
  ['zero price', { price: { amountCents: 0, currency: 'EUR' } }, 'input.price.amountCents'],
  ['negative price', { price: { amountCents: -100, currency: 'EUR' } }, 'input.price.amountCents'],
  ['unknown currency', { price: { amountCents: 5000, currency: 'XYZ' } }, 'input.price.currency'],
  ['no mentees', { maxActiveMentees: 0 }, 'input.maxActiveMentees'],
  ['51 mentees', { maxActiveMentees: 51 }, 'input.maxActiveMentees'],
  ['role too long', { currentRole: long(101) }, 'input.currentRole'],
  ['company too long', { company: long(101) }, 'input.company'],
  ['unknown country', { countryCode: 'XX' }, 'input.countryCode'],
  ['retired country', { countryCode: 'YU' }, 'input.countryCode'],
];

describe('mentor profile validation', () => {
  let system: TestSystem;
  let token: string;
  let skillsBefore: number;
  beforeAll(async () => {
    system = await startTestSystem();
    await system.reset();
    ({ token } = await signUp(system));
    skillsBefore = Number((await system.db.query(`SELECT count(*) AS n FROM skills`))[0].n);
  });
  afterAll(() => system.close());

  it.each(CASES)('refuses %s, naming the field, and saves nothing', async (_, override, field) => {
    const res = await system.gql(
      UPSERT_MENTOR,
      { input: mentorInput({ ...override, skills: override.skills ?? ['A brand new skill'] }) },
      token,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    const [{ profiles, skills }] = await system.db.query(
      `SELECT (SELECT count(*) FROM mentor_profiles)::int AS profiles, (SELECT count(*) FROM skills)::int AS skills`,
    );
    expect({ profiles, skills }).toEqual({ profiles: 0, skills: skillsBefore });
  });

  it('accepts the limits themselves and normalises codes', async () => {
    const res = await system.gql(
      UPSERT_MENTOR,
      {
        input: mentorInput({
          headline: long(120),
          bio: long(5000),
          industries: ['technology', 'finance', 'design', 'law', 'energy', 'technology'],
          skills: Array.from({ length: 20 }, (_, i) => `Edge skill ${i}`),
          yearsOfExperience: 60,
          languages: ['EN', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'fi'],
          sessionLengths: [240, 15, 15],
          price: { amountCents: 1, currency: 'jpy' },
          maxActiveMentees: 50,
          countryCode: 'br',
          currentRole: '   ',
        }),
      },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.upsertMentorProfile).toMatchObject({
      languages: ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'fi'],
      sessionLengths: [15, 240],
      price: { amountCents: 1, currency: 'JPY' },
      countryCode: 'BR',
      currentRole: null,
    });
    expect(res.data.upsertMentorProfile.industries).toHaveLength(5);
    expect(res.data.upsertMentorProfile.skills).toHaveLength(20);
  });
});
