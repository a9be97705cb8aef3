import {
  ENROLL,
  enrollmentInput,
  errorCode,
  enrolledUser,
  openProgram,
  publishedMentor,
  sendRequest,
  signUpUser,
  type TestProgram,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const ROUND_FIELDS = `id status totalScore
  proposals { score reasons mentor { id } mentee { id } }
  unmatchedMentees { id }`;
const RUN = `mutation ($id: ID!) { runMatchingRound(programId: $id) { ${ROUND_FIELDS} } }`;
const ADJUST = `mutation ($round: ID!, $mentee: ID!, $mentor: ID) {
  adjustMatch(roundId: $round, menteeEnrollmentId: $mentee, mentorEnrollmentId: $mentor) { ${ROUND_FIELDS} }
}`;
const PUBLISH = `mutation ($round: ID!) { publishMatchingRound(roundId: $round) { ${ROUND_FIELDS} } }`;

interface Proposal {
  score: number;
  reasons: string[];
  mentor: { id: string };
  mentee: { id: string };
}

function pairs(round: { proposals: Proposal[] }): Array<[string, string]> {
  return round.proposals.map((p) => [p.mentee.id, p.mentor.id] as [string, string]).sort();
}

describe('matching rounds', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  async function mentorships(): Promise<number> {
    const [{ count }] = await system.db.query(`SELECT count(*)::int AS count FROM mentorships`);
    return count;
  }

  it('proposes the best total within capacity, never across languages, and changes nothing else', async () => {
    // Greedy would give Ana her best mentor, Kai (a perfect fit), and leave Ben without one:
    // Ben speaks only German, which only Kai does. The optimum sends Ana to Lea instead.
    const program = await openProgram(system, { maxMenteesPerMentor: 1 });
    const kai = await enrolledUser(system, program, 'MENTOR', { languages: ['en', 'de'], skills: ['Go'] }, 'Kai');
    const lea = await enrolledUser(
      system,
      program,
      'MENTOR',
      { skills: ['Go'], communicationStyle: 'SOCRATIC' },
      'Lea',
    );
    const ana = await enrolledUser(system, program, 'MENTEE', { skills: ['Go'] }, 'Ana');
    const ben = await enrolledUser(
      system,
      program,
      'MENTEE',
      { languages: ['de'], skills: ['Go'], communicationStyle: 'SUPPORTIVE' },
      'Ben',
    );
    const ja = await enrolledUser(system, program, 'MENTEE', { languages: ['ja'] }, 'Jun');

    const res = await system.gql(RUN, { id: program.programId }, program.admin.token);
    const round = res.data.runMatchingRound;
    expect(round.status).toBe('PROPOSED');
    expect(pairs(round)).toEqual(
      [
        [ana.enrollmentId, lea.enrollmentId],
        [ben.enrollmentId, kai.enrollmentId],
      ].sort(),
    );
    expect(round.unmatchedMentees).toEqual([{ id: ja.enrollmentId }]);
    expect(round.totalScore).toBe(round.proposals.reduce((sum: number, p: Proposal) => sum + p.score, 0));
    const benPair = round.proposals.find((p: Proposal) => p.mentee.id === ben.enrollmentId);
    expect(benPair.reasons).toEqual(
      expect.arrayContaining(['You both speak de', 'Offers 1 of the 1 skill wanted: Go']),
    );
    expect(await mentorships()).toBe(0);
    const [{ status }] = await system.db.query(`SELECT status FROM programs`);
    expect(status).toBe('ENROLLING');
  });

  it('refuses rounds to members and strangers, and adjustments that break language or capacity', async () => {
    const program = await openProgram(system, { maxMenteesPerMentor: 1 });
    const mentor = await enrolledUser(system, program, 'MENTOR');
    const german = await enrolledUser(system, program, 'MENTOR', { languages: ['de'] });
    const mentee = await enrolledUser(system, program, 'MENTEE');
    const other = await enrolledUser(system, program, 'MENTEE');
    const stranger = await signUpUser(system);
    expect(errorCode(await system.gql(RUN, { id: program.programId }, mentee.token))).toBe('FORBIDDEN');
    expect(errorCode(await system.gql(RUN, { id: program.programId }, stranger.token))).toBe('NOT_FOUND');

    const round = (await system.gql(RUN, { id: program.programId }, program.admin.token)).data.runMatchingRound;
    const taken = round.proposals[0].mentee.id;
    const free = taken === mentee.enrollmentId ? other.enrollmentId : mentee.enrollmentId;
    const vars = { round: round.id, mentee: free };
    expect(errorCode(await system.gql(ADJUST, { ...vars, mentor: mentor.enrollmentId }, mentee.token))).toBe(
      'FORBIDDEN',
    );
    const full = await system.gql(ADJUST, { ...vars, mentor: mentor.enrollmentId }, program.admin.token);
    expect(errorCode(full)).toBe('CONFLICT');
    const noLanguage = await system.gql(ADJUST, { ...vars, mentor: german.enrollmentId }, program.admin.token);
    expect([errorCode(noLanguage), noLanguage.errors?.[0]?.extensions?.field]).toEqual([
      'BAD_USER_INPUT',
      'mentorEnrollmentId',
    ]);
    const notAMentor = await system.gql(ADJUST, { ...vars, mentor: taken }, program.admin.token);
    expect(errorCode(notAMentor)).toBe('NOT_FOUND');

    // Freeing the place makes the move legal; the reasons are recomputed for the new pair.
    await system.gql(ADJUST, { round: round.id, mentee: taken, mentor: null }, program.admin.token);
    const moved = (await system.gql(ADJUST, { ...vars, mentor: mentor.enrollmentId }, program.admin.token)).data
      .adjustMatch;
    expect(pairs(moved)).toEqual([[free, mentor.enrollmentId]]);
    expect(moved.unmatchedMentees).toEqual([{ id: taken }]);
    expect(moved.proposals[0].reasons[0]).toBe('You both speak en');
  });

  it('lets only one of many parallel adjustments take a mentor’s last place', async () => {
    const program = await openProgram(system, { maxMenteesPerMentor: 1 });
    const mentor = await enrolledUser(system, program, 'MENTOR', { languages: ['fr'] });
    const mentees = [];
    for (let i = 0; i < 8; i++) mentees.push(await enrolledUser(system, program, 'MENTEE', {}, `Mentee ${i}`));
    const round = (await system.gql(RUN, { id: program.programId }, program.admin.token)).data.runMatchingRound;
    expect(round.proposals).toEqual([]);
    await system.db.query(`UPDATE enrollments SET languages = '{en,fr}' WHERE role = 'MENTOR'`);

    const results = await Promise.all(
      mentees.map((m) =>
        system.gql(
          ADJUST,
          { round: round.id, mentee: m.enrollmentId, mentor: mentor.enrollmentId },
          program.admin.token,
        ),
      ),
    );
    expect(results.filter((res) => res.data?.adjustMatch).length).toBe(1);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT').length).toBe(7);
    const [{ count }] = await system.db.query(
      `SELECT count(*)::int AS count FROM match_proposals WHERE mentor_enrollment_id IS NOT NULL`,
    );
    expect(count).toBe(1);
  });

  async function matchedProgram(): Promise<{
    program: TestProgram;
    fresh: Awaited<ReturnType<typeof enrolledUser>>;
    marketplace: Awaited<ReturnType<typeof publishedMentor>> & { enrollmentId: string };
    mentees: Array<Awaited<ReturnType<typeof enrolledUser>>>;
    roundId: string;
  }> {
    const program = await openProgram(system, { maxMenteesPerMentor: 2 });
    // A mentor with no profile, and a marketplace mentor who is full there (capacity 1, one mentee).
    const fresh = await enrolledUser(system, program, 'MENTOR', { skills: ['Go'], goals: ['Ship a product'] }, 'Fay');
    const published = await publishedMentor(system, { maxActiveMentees: 1, displayName: 'Pat' });
    const client = await signUpUser(system, 'Client');
    const requestId = await sendRequest(system, client.token, published.profileId);
    await system.gql(
      `mutation ($id: ID!) { acceptMentorshipRequest(id: $id) { id } }`,
      { id: requestId },
      published.token,
    );
    const enrolled = await system.gql(ENROLL, { input: enrollmentInput(program, 'MENTOR') }, published.token);
    const marketplace = { ...published, enrollmentId: enrolled.data.enrollInProgram.id };
    const mentees = [];
    for (let i = 0; i < 4; i++) mentees.push(await enrolledUser(system, program, 'MENTEE', {}, `Mentee ${i}`));
    const round = (await system.gql(RUN, { id: program.programId }, program.admin.token)).data.runMatchingRound;
    expect(round.proposals).toHaveLength(4);
    return { program, fresh, marketplace, mentees, roundId: round.id };
  }

  it('publishes once into program mentorships, with unlisted profiles, program capacity and emails', async () => {
    const { program, fresh, marketplace, mentees, roundId } = await matchedProgram();
    expect(errorCode(await system.gql(PUBLISH, { round: roundId }, mentees[0].token))).toBe('FORBIDDEN');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => system.gql(PUBLISH, { round: roundId }, program.admin.token)),
    );
    expect(results.filter((res) => res.data?.publishMatchingRound?.status === 'PUBLISHED').length).toBe(1);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT').length).toBe(4);
    await system.settle();

    const rows = await system.db.query(
      `SELECT count(*)::int AS count, count(DISTINCT mentor_user_id)::int AS mentors FROM mentorships
        WHERE program_id = $1 AND request_id IS NULL AND status = 'ACTIVE'`,
      [program.programId],
    );
    expect(rows[0]).toEqual({ count: 4, mentors: 2 });
    const [{ status }] = await system.db.query(`SELECT status FROM programs`);
    expect(status).toBe('RUNNING');

    // The mentor without a profile got an unlisted one; the marketplace mentor kept theirs.
    const profiles = await system.db.query(`SELECT user_id AS "userId", status FROM mentor_profiles ORDER BY status`);
    expect(profiles).toEqual(
      expect.arrayContaining([
        { userId: fresh.userId, status: 'UNLISTED' },
        { userId: marketplace.userId, status: 'PUBLISHED' },
      ]),
    );
    const [unlisted] = await system.db.query(`SELECT id FROM mentor_profiles WHERE user_id = $1`, [fresh.userId]);
    const search = await system.gql(`{ searchMentors { totalCount edges { node { id } } } }`);
    expect(search.data.searchMentors.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(unlisted.id);
    const [{ docs }] = await system.db.query(
      `SELECT count(*)::int AS docs FROM mentor_search_documents WHERE id = $1`,
      [unlisted.id],
    );
    expect(docs).toBe(0);
    const asker = await signUpUser(system);
    const refused = await system.gql(
      `mutation ($input: MentorshipRequestInput!) { sendMentorshipRequest(input: $input) { id } }`,
      {
        input: {
          mentorId: unlisted.id,
          goals: [{ title: 'Learn Go' }],
          motivation: 'I would love to learn from you because you ship products in Go every day.',
          format: 'ONE_ON_ONE',
          cadence: 'WEEKLY',
          channel: 'VIDEO',
          durationWeeks: 8,
        },
      },
      asker.token,
    );
    expect(errorCode(refused)).toBe('CONFLICT');

    // Program mentees do not fill the marketplace: still one of one there.
    const capacity = await system.gql(`query ($id: ID!) { mentor(id: $id) { activeMenteeCount } }`, {
      id: marketplace.profileId,
    });
    expect(capacity.data.mentor.activeMenteeCount).toBe(1);

    const mine = await system.gql(
      `{ mentorships { edges { node { request { id } goals { title progress } program { id name } mentor { id } } } } }`,
      {},
      mentees[0].token,
    );
    expect(mine.data.mentorships.edges).toEqual([
      {
        node: {
          request: null,
          goals: [{ title: 'Lead my first team', progress: 0 }],
          program: { id: program.programId, name: 'New hires 2026' },
          mentor: { id: expect.any(String) },
        },
      },
    ]);

    const told = await system.db.query(
      `SELECT n.user_id AS "userId", n.title, n.body FROM notifications n WHERE n.type = 'PROGRAM_MATCHED'`,
    );
    expect(told).toHaveLength(8);
    const menteeNote = told.find((n: { userId: string }) => n.userId === mentees[0].userId);
    expect(menteeNote.title).toMatch(/will mentor you in New hires 2026$/);
    expect(menteeNote.body).toContain('You both speak en');
    const [{ emails }] = await system.db.query(
      `SELECT count(*)::int AS emails FROM sent_emails WHERE type = 'PROGRAM_MATCHED'`,
    );
    expect(emails).toBe(8);

    // A new round skips the matched mentees and counts each mentor's places already used.
    const late = await enrolledUser(system, program, 'MENTEE', {}, 'Late');
    const next = (await system.gql(RUN, { id: program.programId }, program.admin.token)).data.runMatchingRound;
    expect(next.proposals).toEqual([]);
    expect(next.unmatchedMentees).toEqual([{ id: late.enrollmentId }]);
    const extra = await system.gql(
      ADJUST,
      { round: next.id, mentee: late.enrollmentId, mentor: fresh.enrollmentId },
      program.admin.token,
    );
    expect(errorCode(extra)).toBe('CONFLICT');
  });

  it('refuses to publish a round that a withdrawal overtook', async () => {
    const { program, mentees, roundId } = await matchedProgram();
    await system.gql(
      `mutation ($id: ID!) { withdrawEnrollment(programId: $id) { id } }`,
      { id: program.programId },
      mentees[1].token,
    );
    expect(errorCode(await system.gql(PUBLISH, { round: roundId }, program.admin.token))).toBe('CONFLICT');
    expect(await mentorships()).toBe(1);
  });
});
