import { startTestSystem, type TestSystem } from '../support/test-system.js';
import {
  mentorInput,
  PAUSE_MENTOR,
  profileEvents,
  PUBLISH_MENTOR,
  signUp,
  storedVersion,
  UPSERT_MENTOR,
} from './profile-fixtures.js';

describe('mentor profile events and concurrent edits', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('announces exactly the changes search can see, each with the stored version', async () => {
    const { token } = await signUp(system);
    const created = await system.gql(UPSERT_MENTOR, { input: mentorInput() }, token);
    const id: string = created.data.upsertMentorProfile.id;
    await system.gql(UPSERT_MENTOR, { input: mentorInput({ company: 'Draft Co' }) }, token);
    expect(await profileEvents(system)).toEqual([]);

    await system.gql(PUBLISH_MENTOR, {}, token);
    expect(await profileEvents(system)).toEqual([{ profileId: id, version: await storedVersion(system, id) }]);

    await system.gql(UPSERT_MENTOR, { input: mentorInput({ company: 'Published Co' }) }, token);
    const afterEdit = await profileEvents(system);
    expect(afterEdit).toHaveLength(2);
    expect(afterEdit[1]).toEqual({ profileId: id, version: await storedVersion(system, id) });
    expect(afterEdit[1].version).toBeGreaterThan(afterEdit[0].version);

    // The same input again changes nothing: no new version, no event.
    const before = await storedVersion(system, id);
    await system.gql(UPSERT_MENTOR, { input: mentorInput({ company: 'Published Co' }) }, token);
    await system.gql(PUBLISH_MENTOR, {}, token);
    expect(await storedVersion(system, id)).toBe(before);
    expect(await profileEvents(system)).toHaveLength(2);

    await system.gql(PAUSE_MENTOR, {}, token);
    expect((await profileEvents(system)).at(-1)).toEqual({ profileId: id, version: await storedVersion(system, id) });
    await system.gql(UPSERT_MENTOR, { input: mentorInput({ company: 'Paused Co' }) }, token);
    expect(await profileEvents(system)).toHaveLength(3);
  });

  it('keeps both of two parallel edits to different fields', async () => {
    const { token } = await signUp(system);
    const created = await system.gql(UPSERT_MENTOR, { input: mentorInput() }, token);
    const id: string = created.data.upsertMentorProfile.id;
    await system.gql(PUBLISH_MENTOR, {}, token);
    const base = mentorInput();
    delete base.company;
    delete base.countryCode;
    delete base.currentRole;

    const results = await Promise.all([
      system.gql(UPSERT_MENTOR, { input: { ...base, company: 'Parallel One' } }, token),
      system.gql(UPSERT_MENTOR, { input: { ...base, countryCode: 'JP' } }, token),
      system.gql(UPSERT_MENTOR, { input: { ...base, currentRole: 'Principal Engineer' } }, token),
    ]);
    for (const res of results) expect(res.errors).toBeUndefined();

    const [row] = await system.db.query(`SELECT company, country_code, role_title FROM mentor_profiles WHERE id = $1`, [
      id,
    ]);
    expect(row).toEqual({ company: 'Parallel One', country_code: 'JP', role_title: 'Principal Engineer' });
    const versions = (await profileEvents(system)).map((event) => event.version);
    expect(versions).toHaveLength(4);
    expect(new Set(versions).size).toBe(4);
    expect(Math.max(...versions)).toBe(await storedVersion(system, id));
  });

  it('creates one profile when two first upserts race', async () => {
    const { token } = await signUp(system);
    const results = await Promise.all([
      system.gql(UPSERT_MENTOR, { input: mentorInput({ company: 'First' }) }, token),
      system.gql(UPSERT_MENTOR, { input: mentorInput({ company: 'Second' }) }, token),
    ]);
    for (const res of results) expect(res.errors).toBeUndefined();
    expect(results[0].data.upsertMentorProfile.id).toBe(results[1].data.upsertMentorProfile.id);
    const [{ n }] = await system.db.query(`SELECT count(*)::int AS n FROM mentor_profiles`);
    expect(n).toBe(1);
  });
});
