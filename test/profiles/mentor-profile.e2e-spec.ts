import { errorCode } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { MENTOR_BY_ID, mentorInput, PAUSE_MENTOR, PUBLISH_MENTOR, signUp, UPSERT_MENTOR } from './profile-fixtures.js';

describe('mentor profile', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('starts as a draft with folded skills, taxonomy and an empty rating', async () => {
    const { token, userId } = await signUp(system);
    const res = await system.gql(
      UPSERT_MENTOR,
      { input: mentorInput({ skills: ['JS', 'Java Script', 'k8s', 'UX', 'ML', 'kubernetes', 'rust  lang'] }) },
      token,
    );
    expect(res.errors).toBeUndefined();
    const profile = res.data.upsertMentorProfile;
    expect(profile).toMatchObject({
      status: 'DRAFT',
      languages: ['en', 'de'],
      price: { amountCents: 5000, currency: 'EUR' },
      industries: [
        { slug: 'technology', name: 'Technology' },
        { slug: 'fintech', name: 'Fintech' },
      ],
      rating: { average: null, count: 0, distribution: [0, 0, 0, 0, 0] },
      user: { id: userId, displayName: 'Ada Mentor' },
    });
    expect(profile.skills.map((s: { name: string }) => s.name)).toEqual([
      'JavaScript',
      'Kubernetes',
      'User Experience Design',
      'Machine Learning',
      'Rust Lang',
    ]);
  });

  it('stores markup as plain text and drops control characters', async () => {
    const { token } = await signUp(system);
    const headline = '<script>alert("x")</script> & <b>mentor</b>';
    const bio = `Line one\u0007 with a bell\r\nline two\twith a tab <img src=x onerror=alert(1)> and enough length.`;
    const res = await system.gql(UPSERT_MENTOR, { input: mentorInput({ headline, bio }) }, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.upsertMentorProfile.headline).toBe(headline);
    expect(res.data.upsertMentorProfile.bio).toBe(
      'Line one with a bell\nline two\twith a tab <img src=x onerror=alert(1)> and enough length.',
    );
  });

  it('needs a complete profile to publish and lists what is missing', async () => {
    const { token } = await signUp(system);
    await system.gql(UPSERT_MENTOR, { input: mentorInput({ formats: [], sessionLengths: [] }) }, token);
    const refused = await system.gql(PUBLISH_MENTOR, {}, token);
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0]?.extensions?.missing).toEqual(['formats', 'sessionLengths']);

    await system.gql(UPSERT_MENTOR, { input: mentorInput() }, token);
    const published = await system.gql(PUBLISH_MENTOR, {}, token);
    expect(published.data.publishMentorProfile.status).toBe('PUBLISHED');

    const emptied = await system.gql(UPSERT_MENTOR, { input: mentorInput({ formats: [] }) }, token);
    expect(errorCode(emptied)).toBe('BAD_USER_INPUT');
    expect(emptied.errors?.[0]?.extensions?.field).toBe('input.formats');
  });

  it('cannot publish without a profile, nor pause a draft', async () => {
    const { token } = await signUp(system);
    expect(errorCode(await system.gql(PUBLISH_MENTOR, {}, token))).toBe('NOT_FOUND');
    await system.gql(UPSERT_MENTOR, { input: mentorInput() }, token);
    expect(errorCode(await system.gql(PAUSE_MENTOR, {}, token))).toBe('CONFLICT');
  });

  it('shows a draft or paused profile only to its owner', async () => {
    const owner = await signUp(system);
    const other = await signUp(system, 'Someone Else');
    const created = await system.gql(UPSERT_MENTOR, { input: mentorInput() }, owner.token);
    const id: string = created.data.upsertMentorProfile.id;
    const asOwner = () => system.gql(MENTOR_BY_ID, { id }, owner.token);
    const asOther = () => system.gql(MENTOR_BY_ID, { id }, other.token);
    const asAnonymous = () => system.gql(MENTOR_BY_ID, { id });

    expect((await asOwner()).data.mentor).toMatchObject({ id, status: 'DRAFT' });
    expect((await asOther()).data.mentor).toBeNull();
    expect((await asAnonymous()).data.mentor).toBeNull();

    await system.gql(PUBLISH_MENTOR, {}, owner.token);
    expect((await asAnonymous()).data.mentor).toMatchObject({ id, status: 'PUBLISHED' });
    expect((await asOther()).data.mentor).toMatchObject({ id, status: 'PUBLISHED' });

    await system.gql(PAUSE_MENTOR, {}, owner.token);
    expect((await asOther()).data.mentor).toBeNull();
    expect((await asAnonymous()).data.mentor).toBeNull();
    expect((await asOwner()).data.mentor).toMatchObject({ id, status: 'PAUSED' });

    const userQuery = `query ($id: ID!) { mentor(id: $id) { user { mentorProfile { id } } } }`;
    expect((await system.gql(userQuery, { id }, owner.token)).data.mentor.user.mentorProfile).toEqual({ id });
    const me = `{ me { mentorProfile { status } } }`;
    expect((await system.gql(me, {}, owner.token)).data.me.mentorProfile).toEqual({ status: 'PAUSED' });
  });

  it('answers null for ids that cannot exist', async () => {
    for (const id of ['not-a-uuid', "1' OR '1'='1", '00000000-0000-0000-0000-000000000000']) {
      const res = await system.gql(MENTOR_BY_ID, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data.mentor).toBeNull();
    }
  });

  it('requires a signed-in user to write', async () => {
    const res = await system.gql(UPSERT_MENTOR, { input: mentorInput() });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});
