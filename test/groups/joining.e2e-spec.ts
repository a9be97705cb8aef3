import {
  ACCEPT_JOIN,
  CLOSE_GROUP,
  createGroup,
  DECLINE_REQUEST,
  errorCode,
  GROUP_BY_ID,
  joinInput,
  LEAVE_GROUP,
  publishedMentor,
  REQUEST_BY_ID,
  SEND_REQUEST,
  sendRequest,
  signUpUser,
  WITHDRAW_REQUEST,
  type TestMentor,
  type TestUser,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const GROUPS = `query ($filter: GroupFilter, $first: Int, $after: String) {
  groups(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status title } }
  }
}`;
const REQUEST_GROUP = `query ($id: ID!) { mentorshipRequest(id: $id) { id status group { id title memberCount } mentorship { id } } }`;

describe('joining a group through a request', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const join = (host: TestMentor, groupId: string, mentee: TestUser, overrides: Record<string, unknown> = {}) =>
    sendRequest(system, mentee.token, host.profileId, { groupId, format: 'GROUP', ...overrides });

  it('a join request is a structured request with its group; accepting seats the mentee and starts their mentorship with the host', async () => {
    const host = await publishedMentor(system, { displayName: 'Grace Host' });
    const mentee = await signUpUser(system, 'Ada Member');
    const groupId = await createGroup(system, host.token, { title: 'New tech leads cohort' });
    const sent = await system.gql(SEND_REQUEST, { input: joinInput(host.profileId, groupId) }, mentee.token);
    expect(sent.errors).toBeUndefined();
    expect(sent.data.sendMentorshipRequest).toMatchObject({ status: 'PENDING', format: 'GROUP' });
    const requestId = sent.data.sendMentorshipRequest.id;
    expect((await system.gql(REQUEST_GROUP, { id: requestId }, mentee.token)).data.mentorshipRequest.group).toEqual({
      id: groupId,
      title: 'New tech leads cohort',
      memberCount: 0,
    });

    expect(errorCode(await system.gql(ACCEPT_JOIN, { id: requestId }, mentee.token))).toBe('NOT_FOUND');

    // The contract's acceptMentorshipRequest accepts a join too: the member's mentorship with the host, of the group's kind.
    const accepted = await system.gql(ACCEPT_JOIN, { id: requestId, message: 'Welcome aboard' }, host.token);
    expect(accepted.errors).toBeUndefined();
    const mentorship = accepted.data.acceptMentorshipRequest;
    expect(mentorship).toMatchObject({
      status: 'ACTIVE',
      format: 'GROUP',
      mentee: { id: mentee.userId },
      request: { id: requestId, status: 'ACCEPTED' },
      group: { id: groupId, memberCount: 1, status: 'OPEN' },
    });
    expect(
      (await system.gql(REQUEST_GROUP, { id: requestId }, mentee.token)).data.mentorshipRequest.mentorship,
    ).toEqual({ id: mentorship.id });
    // The request's goals are now the mentorship's, tracked like a one-to-one mentee's.
    const requested = (await system.gql(REQUEST_BY_ID, { id: requestId }, mentee.token)).data.mentorshipRequest.goals;
    expect(mentorship.goals).toEqual(requested.map((goal: { title: string }) => ({ title: goal.title })));
    expect(mentorship.goals.length).toBeGreaterThan(0);
    const rows = await system.db.query(`SELECT id, group_id AS "groupId", request_id AS "requestId" FROM mentorships`);
    expect(rows).toEqual([{ id: mentorship.id, groupId, requestId }]);
    const started = await system.db.query(
      `SELECT from_status AS "from", to_status AS "to" FROM mentorship_transitions WHERE mentorship_id = $1`,
      [mentorship.id],
    );
    expect(started).toEqual([{ from: null, to: 'ACTIVE' }]);
    const group = (await system.gql(GROUP_BY_ID, { id: groupId }, mentee.token)).data.group;
    expect(group).toMatchObject({ memberCount: 1, seatsLeft: 5, members: [{ id: mentee.userId }] });

    await system.settle();
    const [told] = await system.db.query(
      `SELECT title, link FROM notifications WHERE user_id = $1 AND type = 'REQUEST_ACCEPTED'`,
      [mentee.userId],
    );
    expect(told).toEqual({ title: 'Grace Host accepted you into New tech leads cohort', link: `/groups/${groupId}` });
  });

  it('refuses join requests that do not fit the group, and saves nothing', async () => {
    const host = await publishedMentor(system);
    const other = await publishedMentor(system);
    const mentee = await signUpUser(system);
    const groupId = await createGroup(system, host.token, { kind: 'CIRCLE' });
    const cases: Array<[Record<string, unknown>, string, string?]> = [
      [joinInput(other.profileId, groupId, { format: 'CIRCLE' }), 'BAD_USER_INPUT', 'input.mentorId'],
      [joinInput(host.profileId, groupId, { format: 'GROUP' }), 'BAD_USER_INPUT', 'input.format'],
      [
        joinInput(host.profileId, groupId, { format: 'CIRCLE', motivation: 'short' }),
        'BAD_USER_INPUT',
        'input.motivation',
      ],
      [joinInput(host.profileId, groupId, { format: 'CIRCLE', goals: [] }), 'BAD_USER_INPUT', 'input.goals'],
      [joinInput(host.profileId, 'not-a-group', { format: 'CIRCLE' }), 'NOT_FOUND'],
      [joinInput(host.profileId, '00000000-0000-4000-8000-000000000000', { format: 'CIRCLE' }), 'NOT_FOUND'],
    ];
    for (const [input, code, field] of cases) {
      const res = await system.gql(SEND_REQUEST, { input }, mentee.token);
      expect(res.errors?.[0]?.extensions).toMatchObject(field ? { code, field } : { code });
    }
    const self = await system.gql(
      SEND_REQUEST,
      { input: joinInput(host.profileId, groupId, { format: 'CIRCLE' }) },
      host.token,
    );
    expect(self.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mentorId' });
    expect(await system.db.query(`SELECT id FROM mentorship_requests`)).toEqual([]);
  });

  it('one pending request per mentee and host, and none for a member, a FULL or a CLOSED group', async () => {
    const host = await publishedMentor(system);
    const [a, b, c] = await Promise.all([0, 1, 2].map((i) => signUpUser(system, `Mentee ${i}`)));
    const groupId = await createGroup(system, host.token, { capacity: 2 });
    const first = await join(host, groupId, a);
    const twice = await system.gql(SEND_REQUEST, { input: joinInput(host.profileId, groupId) }, a.token);
    expect(errorCode(twice)).toBe('CONFLICT');
    await system.gql(ACCEPT_JOIN, { id: first }, host.token);
    const member = await system.gql(SEND_REQUEST, { input: joinInput(host.profileId, groupId) }, a.token);
    expect(member.errors?.[0]?.message).toBe('You are already a member of this group');
    await system.gql(ACCEPT_JOIN, { id: await join(host, groupId, b) }, host.token);

    const full = await system.gql(SEND_REQUEST, { input: joinInput(host.profileId, groupId) }, c.token);
    expect(full.errors?.[0]).toMatchObject({ message: 'This group is FULL', extensions: { code: 'CONFLICT' } });
    await system.gql(CLOSE_GROUP, { id: groupId }, host.token);
    expect(errorCode(await system.gql(SEND_REQUEST, { input: joinInput(host.profileId, groupId) }, c.token))).toBe(
      'NOT_FOUND',
    );
  });

  it('a join request expires, is declined and withdrawn like any other', async () => {
    const host = await publishedMentor(system);
    const [a, b, c] = await Promise.all([0, 1, 2].map((i) => signUpUser(system, `Mentee ${i}`)));
    const groupId = await createGroup(system, host.token);
    const expiring = await join(host, groupId, a);
    const declined = await join(host, groupId, b);
    const withdrawn = await join(host, groupId, c);
    await system.db.query(`UPDATE mentorship_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expiring,
    ]);
    expect(errorCode(await system.gql(ACCEPT_JOIN, { id: expiring }, host.token))).toBe('CONFLICT');
    await system.api.get((await import('@app/domain')).RequestsService).expireOverdue();
    expect(
      (await system.gql(DECLINE_REQUEST, { id: declined, reason: 'NOT_A_FIT' }, host.token)).errors,
    ).toBeUndefined();
    expect((await system.gql(WITHDRAW_REQUEST, { id: withdrawn }, c.token)).errors).toBeUndefined();
    const statuses = await system.db.query(`SELECT status FROM mentorship_requests ORDER BY created_at`);
    expect(statuses.map((row: { status: string }) => row.status)).toEqual(['EXPIRED', 'DECLINED', 'WITHDRAWN']);
    expect(errorCode(await system.gql(ACCEPT_JOIN, { id: declined }, host.token))).toBe('CONFLICT');
    expect((await system.gql(GROUP_BY_ID, { id: groupId })).data.group.memberCount).toBe(0);
  });

  it('20 parallel accepts for 3 free seats seat exactly 3; the rest are CONFLICT and stay pending', async () => {
    const host = await publishedMentor(system, { maxActiveMentees: 1 });
    const groupId = await createGroup(system, host.token, { capacity: 3 });
    const mentees = await Promise.all(Array.from({ length: 20 }, (_, i) => signUpUser(system, `Mentee ${i}`)));
    const ids: string[] = [];
    for (const mentee of mentees) ids.push(await join(host, groupId, mentee));

    const results = await Promise.all(ids.map((id) => system.gql(ACCEPT_JOIN, { id }, host.token)));
    expect(results.filter((res) => res.data?.acceptMentorshipRequest).length).toBe(3);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT').length).toBe(17);
    const [row] = await system.db.query(
      `SELECT g.member_count AS "memberCount", g.status,
              (SELECT count(*)::int FROM group_members m WHERE m.group_id = g.id AND m.left_at IS NULL) AS seated,
              (SELECT count(*)::int FROM mentorship_requests r WHERE r.status = 'PENDING') AS pending
         FROM mentorship_groups g WHERE g.id = $1`,
      [groupId],
    );
    expect(row).toEqual({ memberCount: 3, status: 'FULL', seated: 3, pending: 17 });
    // One mentorship per seat, tied to the group; the host's one marketplace place is still free.
    const made = await system.db.query(
      `SELECT count(*)::int AS n FROM mentorships WHERE group_id = $1 AND status = 'ACTIVE'`,
      [groupId],
    );
    expect(made[0].n).toBe(3);
    const solo = await signUpUser(system, 'One to one');
    const soloAccepted = await system.gql(
      ACCEPT_JOIN,
      { id: await sendRequest(system, solo.token, host.profileId) },
      host.token,
    );
    expect(soloAccepted.data.acceptMentorshipRequest).toMatchObject({ status: 'ACTIVE', group: null });
    const toFull = await system.db.query(
      `SELECT count(*)::int AS n FROM mentorship_group_transitions WHERE to_status = 'FULL'`,
    );
    expect(toFull[0].n).toBe(1);
  });

  it('a FULL group leaves openOnly listings; leaving frees a seat and lists it again', async () => {
    const host = await publishedMentor(system);
    const [a, b] = await Promise.all([0, 1].map((i) => signUpUser(system, `Mentee ${i}`)));
    const groupId = await createGroup(system, host.token, { capacity: 2 });
    for (const mentee of [a, b]) await system.gql(ACCEPT_JOIN, { id: await join(host, groupId, mentee) }, host.token);
    const listed = async (openOnly?: boolean) =>
      (await system.gql(GROUPS, { filter: openOnly === undefined ? null : { openOnly } })).data.groups;
    expect((await listed()).totalCount).toBe(0);
    expect((await listed(false)).edges).toEqual([{ node: expect.objectContaining({ id: groupId, status: 'FULL' }) }]);

    const left = await system.gql(LEAVE_GROUP, { id: groupId }, a.token);
    expect(left.data.leaveGroup).toMatchObject({ status: 'OPEN', memberCount: 1, seatsLeft: 1, members: null });
    const mentorships = async () =>
      system.db.query(
        `SELECT m.mentee_id AS "menteeId", m.status, m.end_reason AS "endReason",
                (SELECT count(*)::int FROM mentorship_transitions t WHERE t.mentorship_id = m.id) AS transitions
           FROM mentorships m WHERE m.group_id = $1 ORDER BY m.started_at, m.id`,
        [groupId],
      );
    expect(await mentorships()).toEqual(
      expect.arrayContaining([
        { menteeId: a.userId, status: 'ENDED', endReason: 'left the group', transitions: 2 },
        { menteeId: b.userId, status: 'ACTIVE', endReason: null, transitions: 1 },
      ]),
    );
    expect((await listed()).edges).toEqual([{ node: expect.objectContaining({ id: groupId, status: 'OPEN' }) }]);
    expect(errorCode(await system.gql(LEAVE_GROUP, { id: groupId }, a.token))).toBe('CONFLICT');
    expect(errorCode(await system.gql(LEAVE_GROUP, { id: groupId }, host.token))).toBe('CONFLICT');
    // The seat a leaver freed can be taken again, by them too.
    await system.gql(ACCEPT_JOIN, { id: await join(host, groupId, a) }, host.token);
    expect((await system.gql(GROUP_BY_ID, { id: groupId })).data.group).toMatchObject({
      status: 'FULL',
      memberCount: 2,
    });

    // Closing completes every current member's mentorship; the one that already ended stays ENDED.
    await system.gql(CLOSE_GROUP, { id: groupId }, host.token);
    const after = await mentorships();
    expect(after.map((m: { status: string }) => m.status).sort()).toEqual(['COMPLETED', 'COMPLETED', 'ENDED']);
    expect(after.filter((m: { status: string }) => m.status === 'COMPLETED')).toEqual([
      expect.objectContaining({ endReason: 'the group closed', transitions: 2 }),
      expect.objectContaining({ endReason: 'the group closed', transitions: 2 }),
    ]);
  });

  it('members (and mentees still waiting) are told when the group fills and when it closes', async () => {
    const host = await publishedMentor(system, { displayName: 'Grace Host' });
    const [a, b, waiting] = await Promise.all([0, 1, 2].map((i) => signUpUser(system, `Mentee ${i}`)));
    const groupId = await createGroup(system, host.token, { capacity: 2, title: 'Data circle' });
    const requests = [];
    for (const mentee of [a, b, waiting]) requests.push(await join(host, groupId, mentee));
    for (const id of requests.slice(0, 2)) await system.gql(ACCEPT_JOIN, { id }, host.token);
    await system.gql(CLOSE_GROUP, { id: groupId }, host.token);
    await system.settle();
    const told = await system.db.query(
      `SELECT user_id AS "userId", type, title FROM notifications WHERE type LIKE 'GROUP_%' ORDER BY type, title`,
    );
    expect(told).toEqual(
      expect.arrayContaining([
        { userId: a.userId, type: 'GROUP_FULL', title: 'Data circle is full' },
        { userId: b.userId, type: 'GROUP_FULL', title: 'Data circle is full' },
        { userId: host.userId, type: 'GROUP_FULL', title: 'Data circle is full' },
        { userId: a.userId, type: 'GROUP_CLOSED', title: 'Grace Host closed Data circle' },
        { userId: b.userId, type: 'GROUP_CLOSED', title: 'Grace Host closed Data circle' },
        { userId: waiting.userId, type: 'GROUP_FULL', title: 'Data circle is full for now' },
        { userId: waiting.userId, type: 'GROUP_CLOSED', title: 'Data circle was closed' },
      ]),
    );
    expect(told).toHaveLength(7);
    // A closed group's pending request can no longer be accepted.
    expect(errorCode(await system.gql(ACCEPT_JOIN, { id: requests[2] }, host.token))).toBe('CONFLICT');
  });

  it('shows members only to the host and the members; a closed group only to them', async () => {
    const host = await publishedMentor(system);
    const [member, stranger] = await Promise.all([0, 1].map((i) => signUpUser(system, `Person ${i}`)));
    const groupId = await createGroup(system, host.token);
    await system.gql(ACCEPT_JOIN, { id: await join(host, groupId, member) }, host.token);
    const seen = async (token?: string) => (await system.gql(GROUP_BY_ID, { id: groupId }, token)).data.group;
    expect((await seen(host.token)).members).toEqual([{ id: member.userId }]);
    expect((await seen(member.token)).members).toEqual([{ id: member.userId }]);
    expect(await seen(stranger.token)).toMatchObject({ memberCount: 1, members: null });
    expect(await seen()).toMatchObject({ memberCount: 1, members: null });

    await system.gql(CLOSE_GROUP, { id: groupId }, host.token);
    expect((await seen(member.token)).status).toBe('CLOSED');
    expect(await seen(stranger.token)).toBeNull();
    expect(await seen()).toBeNull();
    expect(errorCode(await system.gql(LEAVE_GROUP, { id: groupId }, stranger.token))).toBe('NOT_FOUND');
    expect(errorCode(await system.gql(LEAVE_GROUP, { id: groupId }, member.token))).toBe('CONFLICT');
    // The request's two parties still see which group it was for.
    const [{ id: requestId }] = await system.db.query(`SELECT id FROM mentorship_requests`);
    expect((await system.gql(REQUEST_BY_ID, { id: requestId }, member.token)).errors).toBeUndefined();
    expect((await system.gql(REQUEST_GROUP, { id: requestId }, member.token)).data.mentorshipRequest.group.id).toBe(
      groupId,
    );
  });

  it('lists OPEN groups of published hosts to anyone, by kind, industry, topic and text, page by page', async () => {
    const host = await publishedMentor(system);
    const paused = await publishedMentor(system);
    const design = await createGroup(system, host.token, {
      title: 'Product design critique circle',
      kind: 'CIRCLE',
      industries: ['design'],
      topics: ['Figma', 'User research'],
      description: 'Designers bring work in progress and give each other structured critique every month, with me.',
    });
    const leads = await createGroup(system, host.token, { title: 'New tech leads cohort', topics: ['Leadership'] });
    const hidden = await createGroup(system, paused.token);
    await system.gql(`mutation { pauseMentorProfile { id } }`, {}, paused.token);
    const ids = async (filter: Record<string, unknown> | null) =>
      (await system.gql(GROUPS, { filter })).data.groups.edges.map((edge: { node: { id: string } }) => edge.node.id);

    expect(await ids(null)).toEqual([leads, design]);
    expect(await ids({ kinds: ['CIRCLE'] })).toEqual([design]);
    expect(await ids({ industries: ['design', 'law'] })).toEqual([design]);
    expect(await ids({ topics: ['figma', 'USER RESEARCH'] })).toEqual([design]);
    expect(await ids({ topics: ['figma', 'leadership'] })).toEqual([]);
    expect(await ids({ topics: ['never named anywhere'] })).toEqual([]);
    expect(await ids({ query: 'critiques' })).toEqual([design]);
    expect(await ids({ query: 'leads' })).toEqual([leads]);
    expect(await ids(null)).not.toContain(hidden);

    const page1 = (await system.gql(GROUPS, { first: 1 })).data.groups;
    expect(page1).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const page2 = (await system.gql(GROUPS, { first: 1, after: page1.pageInfo.endCursor })).data.groups;
    expect(page2.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([design]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const bad = await system.gql(GROUPS, { first: 101 });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const longQuery = await system.gql(GROUPS, { filter: { query: 'x'.repeat(201) } });
    expect(longQuery.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.query' });
    const unknown = await system.gql(GROUPS, { filter: { industries: ['design', 'alchemy'] } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.industries[1]' });
    const tooManyTopics = await system.gql(GROUPS, {
      filter: { topics: Array.from({ length: 11 }, (_, i) => `t${i}`) },
    });
    expect(tooManyTopics.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.topics' });

    const profile = await system.gql(`query ($id: ID!) { mentor(id: $id) { groups { id status } } }`, {
      id: host.profileId,
    });
    expect(profile.data.mentor.groups.map((group: { id: string }) => group.id)).toEqual([leads, design]);
    await system.gql(CLOSE_GROUP, { id: leads }, host.token);
    const after = await system.gql(`query ($id: ID!) { mentor(id: $id) { groups { id } } }`, { id: host.profileId });
    expect(after.data.mentor.groups).toEqual([{ id: design }]);
  });
});
