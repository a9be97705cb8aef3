import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { seedDemoProgram } from '../../scripts/seed/demo-program.js';
import { seedDemoData } from '../../scripts/seed/seed-demo-data.js';

const AS_OF = new Date('2026-11-20T15:00:00Z');

/** The program's past by people and offsets from its start: ids and creation times aside, what a second seeding must repeat. */
const FINGERPRINT = `
  SELECT mentee.email AS mentee, mentor.email AS mentor, m.status, m.end_reason,
         array(SELECT concat_ws(' ', s.starts_at - m.started_at, s.status, s.agenda, s.cancel_reason,
                                (SELECT string_agg(c.usefulness || ':' || coalesce(c.note, ''), ',' ORDER BY c.author_id = m.mentee_id)
                                   FROM check_ins c WHERE c.session_id = s.id))
                 FROM sessions s WHERE s.mentorship_id = m.id ORDER BY s.starts_at) AS sessions,
         array(SELECT g.title || '=' || g.progress FROM goals g WHERE g.mentorship_id = m.id ORDER BY g.position) AS goals
    FROM mentorships m JOIN users mentee ON mentee.id = m.mentee_id JOIN users mentor ON mentor.id = m.mentor_user_id
   WHERE m.program_id IS NOT NULL
   ORDER BY mentee.email`;

describe('demo program', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  const seed = async () => {
    await seedDemoData(system.db, { mentors: 30, mentees: 80, seed: 1 });
    return seedDemoProgram(system.config, 1, AS_OF);
  };

  it('has ten weeks of meetings, check-ins and goal progress behind it, the same for the same seed and day', async () => {
    await seed();
    const [program] = await system.db.query(
      `SELECT status, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn",
              (SELECT count(*) FROM enrollments WHERE role = 'MENTOR')::int AS mentors,
              (SELECT count(*) FROM enrollments WHERE role = 'MENTEE')::int AS mentees,
              (SELECT count(*) FROM mentorships WHERE program_id IS NOT NULL)::int AS pairs,
              (SELECT min(started_at) = max(started_at) FROM mentorships WHERE program_id IS NOT NULL) AS "oneStart",
              (SELECT min(started_at) FROM mentorships WHERE program_id IS NOT NULL) AS "startedAt"
         FROM programs`,
    );
    expect(program).toMatchObject({
      status: 'RUNNING',
      startsOn: '2026-09-11',
      endsOn: '2027-03-12',
      mentors: 30,
      mentees: 80,
      oneStart: true,
      startedAt: new Date('2026-09-13T10:00:00Z'),
    });
    expect(program.pairs).toBeGreaterThanOrEqual(75);

    const [history] = await system.db.query(`
      SELECT (SELECT count(*) FROM sessions WHERE status = 'COMPLETED')::int AS held,
             (SELECT count(*) FROM sessions WHERE status = 'CANCELLED')::int AS cancelled,
             (SELECT count(*) FROM sessions WHERE status = 'NO_SHOW')::int AS "noShows",
             (SELECT count(*) FROM sessions WHERE status = 'SCHEDULED')::int AS scheduled,
             (SELECT count(*) FROM check_ins)::int AS "checkIns",
             (SELECT count(DISTINCT session_id) FROM check_ins)::int AS "checkedIn",
             (SELECT count(*) FROM goal_progress_updates)::int AS "goalUpdates",
             (SELECT round(avg(progress)) FROM goals WHERE mentorship_id IS NOT NULL)::int AS "goalProgress",
             (SELECT count(*) FROM mentorships WHERE status = 'ENDED')::int AS ended,
             (SELECT count(*) FROM mentorships WHERE status = 'COMPLETED' AND program_id IS NOT NULL)::int AS completed,
             (SELECT count(DISTINCT date_trunc('week', starts_at)) FROM sessions WHERE status = 'COMPLETED')::int AS weeks,
             (SELECT max(ends_at) FROM sessions) AS "lastEnd",
             (SELECT count(*) FROM sessions s JOIN mentorships m ON m.id = s.mentorship_id
               WHERE s.starts_at < m.started_at OR s.ends_at > coalesce(m.ended_at, s.ends_at))::int AS "outsideTheirPair",
             (SELECT count(*) FROM check_ins c JOIN sessions s ON s.id = c.session_id
               WHERE s.status <> 'COMPLETED' OR c.created_at < s.ends_at
                  OR c.author_id NOT IN (SELECT user_id FROM session_participants p WHERE p.session_id = s.id))::int AS "strayCheckIns",
             (SELECT count(*) FROM goal_progress_updates u JOIN goals g ON g.id = u.goal_id JOIN mentorships m ON m.id = g.mentorship_id
               WHERE u.author_id <> m.mentee_id OR u.at > coalesce(m.ended_at, u.at))::int AS "strayUpdates",
             (SELECT count(*) FROM sessions s
               WHERE (SELECT count(*) FROM session_transitions t WHERE t.session_id = s.id) <> 2)::int AS "untracked",
             (SELECT count(*) FROM mentorships m
               WHERE m.status <> 'ACTIVE' AND m.program_id IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM mentorship_transitions t WHERE t.mentorship_id = m.id AND t.to_status = m.status)
             )::int AS "untrackedEnds",
             (SELECT count(*) FROM outbox_events WHERE type LIKE 'session.%' OR type LIKE 'check_in%')::int AS told`);
    expect(history).toMatchObject({
      scheduled: 0,
      outsideTheirPair: 0,
      strayCheckIns: 0,
      strayUpdates: 0,
      untracked: 0,
      untrackedEnds: 0,
      told: 0,
    });
    // About one meeting a fortnight for most pairs since the start, with some called off or missed.
    expect(history.held).toBeGreaterThan(program.pairs * 3);
    expect(history.cancelled).toBeGreaterThan(5);
    expect(history.noShows).toBeGreaterThan(5);
    expect(history.checkedIn / history.held).toBeGreaterThan(0.6);
    expect(history.checkIns).toBeGreaterThan(history.checkedIn);
    expect(history.goalUpdates).toBeGreaterThan(program.pairs * 2);
    expect(history.goalProgress).toBeGreaterThan(20);
    expect(history.goalProgress).toBeLessThan(90);
    expect(history.ended).toBeGreaterThan(0);
    expect(history.completed).toBeGreaterThan(0);
    expect(history.weeks).toBeGreaterThanOrEqual(9);
    expect(history.lastEnd.getTime()).toBeLessThanOrEqual(Date.parse('2026-11-19T00:00:00Z'));

    const first = await system.db.query(FINGERPRINT);
    await system.reset();
    await seed();
    expect(await system.db.query(FINGERPRINT)).toEqual(first);
  });

  it('lets its admin sign in as the README says and see the program running', async () => {
    const account = await seed();
    expect(account).toMatchObject({ email: 'program-admin@demo.mentorbridge.test', password: 'mentorbridge-demo' });
    const signedIn = await system.gql(
      `mutation { signIn(email: "program-admin@demo.mentorbridge.test", password: "mentorbridge-demo") { accessToken } }`,
    );
    const token = signedIn.data.signIn.accessToken;
    const res = await system.gql(
      `{ organization(slug: "northwind") { name programs { edges { node { name status checkInEveryDays inviteCode
           enrollments(role: MENTEE, first: 1) { totalCount } } } } } }`,
      {},
      token,
    );
    expect(res.data.organization).toEqual({
      name: 'Northwind Engineering',
      programs: {
        edges: [
          {
            node: {
              name: 'First-year engineers',
              status: 'RUNNING',
              checkInEveryDays: 14,
              inviteCode: expect.any(String),
              enrollments: { totalCount: 80 },
            },
          },
        ],
      },
    });
  });
});
