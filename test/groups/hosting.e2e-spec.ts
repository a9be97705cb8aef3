import {
  CLOSE_GROUP,
  CREATE_GROUP,
  createGroup,
  dateIn,
  errorCode,
  GROUP_BY_ID,
  groupInput,
  mentorProfileInput,
  publishedMentor,
  signUpUser,
  UPDATE_GROUP,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

describe('hosting a group or circle', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const count = async (table: string): Promise<number> => {
    const [row] = await system.db.query<[{ n: number }]>(`SELECT count(*)::int AS n FROM ${table}`);
    return row.n;
  };

  it('a published mentor creates an OPEN group with folded topics, an audit row and its event', async () => {
    const mentor = await publishedMentor(system);
    const res = await system.gql(
      CREATE_GROUP,
      { input: groupInput({ kind: 'CIRCLE', topics: ['  system design ', 'LEADERSHIP', 'leadership'] }) },
      mentor.token,
    );
    expect(res.errors).toBeUndefined();
    const group = res.data.createGroup;
    expect(group).toMatchObject({
      kind: 'CIRCLE',
      status: 'OPEN',
      capacity: 6,
      memberCount: 0,
      seatsLeft: 6,
      industries: [{ slug: 'technology' }],
      host: { id: mentor.profileId, user: { id: mentor.userId } },
      members: [],
    });
    // Folded like profile skills: case, spacing and repeats do not make new topics.
    expect(group.topics.map((topic: { slug: string }) => topic.slug)).toEqual(['system-design', 'leadership']);
    const transitions = await system.db.query(
      `SELECT actor_id AS "actorId", from_status AS "from", to_status AS "to" FROM mentorship_group_transitions`,
    );
    expect(transitions).toEqual([{ actorId: mentor.userId, from: null, to: 'OPEN' }]);
    const [event] = await system.db.query(
      `SELECT payload FROM outbox_events WHERE type = 'mentorship_group.transitioned'`,
    );
    expect(event.payload).toEqual({ groupId: group.id, transitionId: '1' });
  });

  it('anyone without a published mentor profile is FORBIDDEN and nothing is saved', async () => {
    const mentee = await signUpUser(system);
    const draft = await signUpUser(system);
    await system.gql(
      `mutation ($input: MentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`,
      { input: mentorProfileInput() },
      draft.token,
    );
    const paused = await publishedMentor(system);
    await system.gql(`mutation { pauseMentorProfile { id } }`, {}, paused.token);
    for (const token of [mentee.token, draft.token, paused.token]) {
      expect(errorCode(await system.gql(CREATE_GROUP, { input: groupInput() }, token))).toBe('FORBIDDEN');
    }
    expect(errorCode(await system.gql(CREATE_GROUP, { input: groupInput() }))).toBe('UNAUTHENTICATED');
    expect(await count('mentorship_groups')).toBe(0);
  });

  it.each([
    ['a short title', { title: 'Tiny' }, 'input.title'],
    ['a long title', { title: 'x'.repeat(121) }, 'input.title'],
    ['a short description', { description: 'Too short.' }, 'input.description'],
    ['no industry', { industries: [] }, 'input.industries'],
    [
      'six industries',
      { industries: ['technology', 'finance', 'healthcare', 'education', 'design', 'law'] },
      'input.industries',
    ],
    ['an unknown industry', { industries: ['alchemy'] }, 'input.industries[0]'],
    ['no topic', { topics: [] }, 'input.topics'],
    ['eleven topics', { topics: Array.from({ length: 11 }, (_, i) => `topic ${i}`) }, 'input.topics'],
    ['a topic with no letter', { topics: ['!!!'] }, 'input.topics[0]'],
    ['one seat', { capacity: 1 }, 'input.capacity'],
    ['51 seats', { capacity: 51 }, 'input.capacity'],
    ['an end before the start', { startsOn: dateIn(10), endsOn: dateIn(9) }, 'input.endsOn'],
    ['an end more than a year after the start', { startsOn: dateIn(1), endsOn: dateIn(400) }, 'input.endsOn'],
    ['a start in the past', { startsOn: dateIn(-3) }, 'input.startsOn'],
    ['a 10-minute session', { sessionLengthMinutes: 10 }, 'input.sessionLengthMinutes'],
    ['a 241-minute session', { sessionLengthMinutes: 241 }, 'input.sessionLengthMinutes'],
  ])('refuses %s with BAD_USER_INPUT naming the field, saving nothing', async (_name, overrides, field) => {
    const mentor = await publishedMentor(system);
    const res = await system.gql(CREATE_GROUP, { input: groupInput(overrides) }, mentor.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count('mentorship_groups')).toBe(0);
  });

  it('only the host edits; capacity never drops below the members, and seats set the status', async () => {
    const mentor = await publishedMentor(system);
    const other = await publishedMentor(system);
    const id = await createGroup(system, mentor.token, { capacity: 3 });
    await system.db.query(`UPDATE mentorship_groups SET member_count = 2 WHERE id = $1`, [id]);

    const forbidden = await system.gql(UPDATE_GROUP, { id, input: groupInput({ capacity: 5 }) }, other.token);
    expect(errorCode(forbidden)).toBe('FORBIDDEN');
    const tooSmall = await system.gql(UPDATE_GROUP, { id, input: groupInput({ capacity: 1 }) }, mentor.token);
    expect(tooSmall.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.capacity' });
    const belowMembers = await system.gql(UPDATE_GROUP, { id, input: groupInput({ capacity: 2 }) }, mentor.token);
    expect(belowMembers.errors).toBeUndefined();
    expect(belowMembers.data.updateGroup).toMatchObject({ capacity: 2, memberCount: 2, status: 'FULL', seatsLeft: 0 });
    const kind = await system.gql(
      UPDATE_GROUP,
      { id, input: groupInput({ capacity: 2, kind: 'CIRCLE' }) },
      mentor.token,
    );
    expect(kind.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });

    const reopened = await system.gql(
      UPDATE_GROUP,
      { id, input: groupInput({ capacity: 4, title: 'Tech leads, second cohort' }) },
      mentor.token,
    );
    expect(reopened.data.updateGroup).toMatchObject({
      title: 'Tech leads, second cohort',
      status: 'OPEN',
      seatsLeft: 2,
    });
    const moves = await system.db.query(
      `SELECT from_status AS "from", to_status AS "to", reason FROM mentorship_group_transitions ORDER BY id`,
    );
    expect(moves).toEqual([
      { from: null, to: 'OPEN', reason: null },
      { from: 'OPEN', to: 'FULL', reason: 'capacity changed' },
      { from: 'FULL', to: 'OPEN', reason: 'capacity changed' },
    ]);
  });

  it('closing is for the host, once; a closed group is hidden from strangers and cannot be edited', async () => {
    const mentor = await publishedMentor(system);
    const stranger = await signUpUser(system);
    const id = await createGroup(system, mentor.token);
    expect(errorCode(await system.gql(CLOSE_GROUP, { id }, stranger.token))).toBe('FORBIDDEN');
    const closed = await system.gql(CLOSE_GROUP, { id }, mentor.token);
    expect(closed.data.closeGroup.status).toBe('CLOSED');
    expect(errorCode(await system.gql(CLOSE_GROUP, { id }, mentor.token))).toBe('CONFLICT');
    expect(errorCode(await system.gql(UPDATE_GROUP, { id, input: groupInput() }, mentor.token))).toBe('CONFLICT');
    expect(errorCode(await system.gql(CLOSE_GROUP, { id }, stranger.token))).toBe('NOT_FOUND');
    expect((await system.gql(GROUP_BY_ID, { id }, stranger.token)).data.group).toBeNull();
    expect((await system.gql(GROUP_BY_ID, { id }, mentor.token)).data.group.status).toBe('CLOSED');
    const [{ n }] = await system.db.query(
      `SELECT count(*)::int AS n FROM mentorship_group_transitions WHERE to_status = 'CLOSED'`,
    );
    expect(n).toBe(1);
  });

  it('unknown and malformed ids are NOT_FOUND', async () => {
    const mentor = await publishedMentor(system);
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      expect(errorCode(await system.gql(CLOSE_GROUP, { id }, mentor.token))).toBe('NOT_FOUND');
      expect(errorCode(await system.gql(UPDATE_GROUP, { id, input: groupInput() }, mentor.token))).toBe('NOT_FOUND');
      expect((await system.gql(GROUP_BY_ID, { id })).data.group).toBeNull();
    }
  });
});
