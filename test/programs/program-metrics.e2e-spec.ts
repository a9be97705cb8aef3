import { ProgramDigestNotificationsService, ProgramMetricsLinkService } from '@app/domain';
import { QUEUES, QueueRegistry } from '@app/platform';
import {
  BOOK_SESSION,
  enrolledUser,
  errorCode,
  hoursFromNow,
  openProgram,
  signUpUser,
  type TestMentorship,
} from '@app/testing';
import { shiftSession } from '../support/shift-session.js';
import { useSystemWithInbox } from '../support/system-with-inbox.js';
import { runningProgram } from './program-fixtures.js';

const DAY = 24 * 60 * 60 * 1000;
const PUBLIC_URL = 'https://api.mentorbridge.test';
const METRICS = `query ($id: ID!) { program(id: $id) { metrics {
  mentors mentees matchedMentees activeMentorships sessionsHeld sessionsPerPairPerMonth checkInRate
  averageUsefulness averageGoalProgress completionRate retention30d
  weekly { weekStarting sessionsHeld checkIns activeMentorships } csvUrl } } }`;
const CHECK_IN = `mutation ($input: CheckInInput!) { submitCheckIn(input: $input) { id } }`;
const GOALS = `query ($id: ID!) { mentorship(id: $id) { goals { id } } }`;

/** Monday 00:00 UTC of the current ISO week; weeks in the figures are ISO weeks in UTC. */
function thisMonday(): Date {
  const day = new Date();
  day.setUTCHours(0, 0, 0, 0);
  return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
}
const isoDate = (at: Date) => at.toISOString().slice(0, 10);

describe('Program.metrics', () => {
  const ctx = useSystemWithInbox({ worker: true, config: { API_PUBLIC_URL: `${PUBLIC_URL}/` } });
  const monday = thisMonday();
  /** A weekday of the week `weeksAgo` before this one, at 10:00 UTC (Monday is 0). */
  const dayOfWeek = (weeksAgo: number, weekday: number) =>
    new Date(monday.getTime() - weeksAgo * 7 * DAY + weekday * DAY + 10 * 60 * 60 * 1000);

  const gql = (query: string, variables: Record<string, unknown>, token: string) =>
    ctx.system.gql(query, variables, token);
  /** Books a session of the pair, then moves it to `at` (time travel for the row only). */
  const bookedAt = async (pair: TestMentorship, at: Date): Promise<string> => {
    const input = { mentorshipId: pair.id, startsAt: hoursFromNow(2), durationMinutes: 60 };
    const booked = await gql(BOOK_SESSION, { input }, pair.mentee.token);
    if (!booked.data) throw new Error(`bookSession failed: ${JSON.stringify(booked.errors)}`);
    const { id, startsAt } = booked.data.bookSession;
    await shiftSession(ctx.system.db, id, (at.getTime() - new Date(startsAt).getTime()) / (60 * 60 * 1000));
    return id;
  };
  const heldAt = async (pair: TestMentorship, at: Date): Promise<string> => {
    const id = await bookedAt(pair, at);
    const done = await gql(`mutation ($id: ID!) { completeSession(id: $id) { status } }`, { id }, pair.mentee.token);
    expect(done.data.completeSession.status).toBe('COMPLETED');
    return id;
  };
  const checkIn = async (token: string, sessionId: string, usefulness: number, goal?: [string, number]) => {
    const goalProgress = goal ? [{ goalId: goal[0], progress: goal[1] }] : undefined;
    const res = await gql(CHECK_IN, { input: { sessionId, usefulness, goalProgress } }, token);
    expect(res.data?.submitCheckIn.id).toBeDefined();
  };
  const goalOf = async (pair: TestMentorship): Promise<string> =>
    (await gql(GOALS, { id: pair.id }, pair.mentee.token)).data.mentorship.goals[0].id;
  /** Where the link points under the configured public URL, fetched from this test's api instead. */
  const fetchLink = (url: string) => fetch(`${ctx.system.baseUrl}${url.slice(PUBLIC_URL.length)}`);

  it('counts people, pairs, sessions, check-ins, goals, endings and weeks from the real rows', async () => {
    const { program, pairs } = await runningProgram(ctx.system, 4, {
      name: 'Leaders, "class of 2026"',
      // A Wednesday ten weeks back: the weekly rows start on that week's Monday.
      startsOn: isoDate(dayOfWeek(10, 2)),
      endsOn: isoDate(dayOfWeek(-20, 0)),
    });
    const [a, b, c, d] = pairs;
    // An unmatched late mentee counts as enrolled; a withdrawn mentor does not.
    await enrolledUser(ctx.system, program, 'MENTEE', {}, 'Late Mentee');
    const leaving = await enrolledUser(ctx.system, program, 'MENTOR', {}, 'Leaving Mentor');
    const withdrawn = await gql(
      `mutation ($id: ID!) { withdrawEnrollment(programId: $id) { withdrawnAt } }`,
      { id: program.programId },
      leaving.token,
    );
    expect(withdrawn.data.withdrawEnrollment.withdrawnAt).not.toBeNull();

    // A: three sessions held (checked in by both, by the mentee, by nobody), one cancelled.
    const a1 = await heldAt(a, dayOfWeek(8, 2));
    const a2 = await heldAt(a, dayOfWeek(6, 2));
    await heldAt(a, dayOfWeek(4, 2));
    const aGoal = await goalOf(a);
    await checkIn(a.mentee.token, a1, 4, [aGoal, 40]);
    await checkIn(a.mentor.token, a1, 5);
    await checkIn(a.mentee.token, a2, 3, [aGoal, 70]);
    const cancelled = await bookedAt(a, new Date(Date.now() + 3 * DAY));
    await gql(`mutation ($id: ID!) { cancelSession(id: $id) { id } }`, { id: cancelled }, a.mentee.token);
    // B: one session, both checked in; then B completes.
    const b1 = await heldAt(b, dayOfWeek(5, 2));
    await checkIn(b.mentor.token, b1, 2);
    await checkIn(b.mentee.token, b1, 5, [await goalOf(b), 30]);
    // D: one session held without check-ins, and one the mentee missed.
    await heldAt(d, dayOfWeek(1, 2));
    const missed = await bookedAt(d, dayOfWeek(1, 3));
    const noShow = await gql(
      `mutation ($id: ID!, $userId: ID!) { reportNoShow(id: $id, userId: $userId) { status } }`,
      { id: missed, userId: d.mentee.userId },
      d.mentor.token,
    );
    expect(noShow.data.reportNoShow.status).toBe('NO_SHOW');
    const completed = await gql(
      `mutation ($id: ID!) { completeMentorship(id: $id) { status } }`,
      { id: b.id },
      b.mentee.token,
    );
    expect(completed.data.completeMentorship.status).toBe('COMPLETED');
    const ended = await gql(
      `mutation ($id: ID!) { endMentorship(id: $id, reason: "Our schedules never fit") { status } }`,
      { id: c.id },
      c.mentee.token,
    );
    expect(ended.data.endMentorship.status).toBe('ENDED');
    // Back-dating in whole weeks from now keeps each moment inside one known ISO week:
    // A, B and C started 9 weeks ago; C ended a week later, B 3 weeks ago; D started 2 weeks ago.
    await ctx.system.db.query(
      `UPDATE mentorships SET started_at = now() - interval '63 days',
              ended_at = now() - CASE id WHEN $2 THEN interval '21 days' WHEN $3 THEN interval '56 days' END
        WHERE id = ANY($1::uuid[])`,
      [[a.id, b.id, c.id], b.id, c.id],
    );
    await ctx.system.db.query(`UPDATE mentorships SET started_at = now() - interval '14 days' WHERE id = $1`, [d.id]);
    await ctx.system.settle();

    const res = await gql(METRICS, { id: program.programId }, program.admin.token);
    const { csvUrl, ...figures } = res.data.program.metrics;
    // Active in a week: started before it ended and not ended before it began.
    const weeks = [
      [10, 0, 0, 0],
      [9, 0, 0, 3],
      [8, 1, 2, 3],
      [7, 0, 0, 2],
      [6, 1, 1, 2],
      [5, 1, 2, 2],
      [4, 1, 0, 2],
      [3, 0, 0, 2],
      [2, 0, 0, 2],
      [1, 1, 0, 2],
      [0, 0, 0, 2],
    ].map(([weeksAgo, sessionsHeld, checkIns, activeMentorships]) => ({
      weekStarting: isoDate(dayOfWeek(weeksAgo, 0)),
      sessionsHeld,
      checkIns,
      activeMentorships,
    }));
    expect(figures).toEqual({
      mentors: 4,
      mentees: 5,
      matchedMentees: 4,
      activeMentorships: 2,
      // The cancelled session and the no-show were not held.
      sessionsHeld: 5,
      // Pair time 63 + 42 + 7 + 14 = 126 days = 4.2 months of 30 days: 5 / 4.2.
      sessionsPerPairPerMonth: 1.19,
      // a1, a2 and b1 of the five.
      checkInRate: 3 / 5,
      averageUsefulness: (4 + 5 + 3 + 2 + 5) / 5,
      // A's goal at 70, B's at 30, C's and D's untouched.
      averageGoalProgress: (70 + 30 + 0 + 0) / 4,
      // B completed, C ended.
      completionRate: 1 / 2,
      // D is too young to judge; of A, B and C only C ended within 30 days.
      retention30d: 2 / 3,
      weekly: weeks,
    });

    expect(csvUrl).toMatch(
      new RegExp(
        `^${PUBLIC_URL}/programs/${program.programId}/metrics\\.csv\\?by=${program.admin.userId}&expires=\\d+&signature=[\\w-]+$`,
      ),
    );
    const download = await fetchLink(csvUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="program-metrics-[\d-]+\.csv"$/);
    const csv = [
      'program,"Leaders, ""class of 2026"""',
      'figure,value',
      'mentors,4',
      'mentees,5',
      'matchedMentees,4',
      'activeMentorships,2',
      'sessionsHeld,5',
      'sessionsPerPairPerMonth,1.19',
      'checkInRate,0.6',
      'averageUsefulness,3.8',
      'averageGoalProgress,25',
      'completionRate,0.5',
      `retention30d,${2 / 3}`,
      '',
      'weekStarting,sessionsHeld,checkIns,activeMentorships',
      ...weeks.map((w) => `${w.weekStarting},${w.sessionsHeld},${w.checkIns},${w.activeMentorships}`),
    ];
    expect(await download.text()).toBe(csv.map((line) => `${line}\r\n`).join(''));
  });

  it('has nothing to divide by before anything happened, and no weeks before the start', async () => {
    const program = await openProgram(ctx.system, {
      startsOn: isoDate(dayOfWeek(-2, 0)),
      endsOn: isoDate(dayOfWeek(-20, 0)),
    });
    const res = await gql(METRICS, { id: program.programId }, program.admin.token);
    const { csvUrl, ...figures } = res.data.program.metrics;
    expect(figures).toEqual({
      mentors: 0,
      mentees: 0,
      matchedMentees: 0,
      activeMentorships: 0,
      sessionsHeld: 0,
      sessionsPerPairPerMonth: null,
      checkInRate: null,
      averageUsefulness: null,
      averageGoalProgress: null,
      completionRate: null,
      retention30d: null,
      weekly: [],
    });
    const csv = await (await fetchLink(csvUrl)).text();
    expect(csv).toContain('\r\ncheckInRate,\r\n');
    expect(csv.endsWith('\r\n\r\nweekStarting,sessionsHeld,checkIns,activeMentorships\r\n')).toBe(true);
  });

  it('shows the figures to admins only: strangers find no program, members are forbidden', async () => {
    const program = await openProgram(ctx.system);
    const member = await enrolledUser(ctx.system, program, 'MENTEE');
    const stranger = await signUpUser(ctx.system, 'Stranger');

    const asStranger = await gql(METRICS, { id: program.programId }, stranger.token);
    expect([errorCode(asStranger), asStranger.data?.program ?? null]).toEqual(['NOT_FOUND', null]);
    const asMember = await gql(METRICS, { id: program.programId }, member.token);
    expect(errorCode(asMember)).toBe('FORBIDDEN');
    expect(asMember.errors?.[0]?.path).toEqual(['program', 'metrics']);
    expect(JSON.stringify(asMember)).not.toContain('csvUrl');
    const anonymous = await ctx.system.gql(METRICS, { id: program.programId });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('refuses a tampered, re-aimed, expired or revoked CSV link in plain text, without the data', async () => {
    const program = await openProgram(ctx.system, { name: 'Secret figures' });
    const member = await enrolledUser(ctx.system, program, 'MENTOR');
    const { csvUrl } = (await gql(METRICS, { id: program.programId }, program.admin.token)).data.program.metrics;
    const links = ctx.system.api.get(ProgramMetricsLinkService);
    const signature = new URL(csvUrl).searchParams.get('signature')!;
    const expires = Number(new URL(csvUrl).searchParams.get('expires'));
    const other = await openProgram(ctx.system);

    const refusals: Array<[string, string, number]> = [
      [
        'a changed signature',
        csvUrl.replace(signature, `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`),
        403,
      ],
      ['no signature', csvUrl.replace(/&signature=.*$/, ''), 403],
      ['a later expiry', csvUrl.replace(`expires=${expires}`, `expires=${expires + 3600}`), 403],
      ['another program', csvUrl.replace(program.programId, other.programId), 403],
      ['another admin', csvUrl.replace(program.admin.userId, other.admin.userId), 403],
      [
        'made 16 minutes ago',
        links.urlFor(program.programId, program.admin.userId, new Date(Date.now() - 16 * 60_000)),
        410,
      ],
      ['signed for a member who is no admin', links.urlFor(program.programId, member.userId), 403],
    ];
    for (const [why, url, status] of refusals) {
      const res = await fetchLink(url);
      const body = await res.text();
      expect({ why, status: res.status, type: res.headers.get('content-type') }).toEqual({
        why,
        status,
        type: 'text/plain; charset=utf-8',
      });
      expect(body).not.toMatch(/Secret figures|mentors|weekStarting/);
    }
    expect((await fetchLink(csvUrl)).status).toBe(200);
  });

  it('sends each admin of each running program one digest of the figures per ISO week', async () => {
    const { program, pairs } = await runningProgram(ctx.system, 2, { name: 'Weekly digest program' });
    const sam = await signUpUser(ctx.system, 'Sam Admin');
    const added = await gql(
      `mutation ($org: ID!, $email: String!) { addOrganizationAdmin(organizationId: $org, email: $email) { id } }`,
      { org: program.organizationId, email: sam.email },
      program.admin.token,
    );
    expect(added.data.addOrganizationAdmin.id).toBe(program.organizationId);
    const enrolling = await openProgram(ctx.system, { name: 'Not running yet' });
    await heldAt(pairs[0], new Date(Date.now() - DAY));
    await ctx.system.settle();
    ctx.inbox.received.length = 0;

    const digests = ctx.system.worker!.get(ProgramDigestNotificationsService);
    const received = () =>
      ctx.system.db.query<Array<{ userId: string; title: string; link: string }>>(
        `SELECT user_id AS "userId", title, link FROM notifications WHERE type = 'PROGRAM_DIGEST' ORDER BY user_id, created_at`,
      );
    // Through the queue as the repeating job runs it, then twice at once and once more: one each.
    await ctx.system.api.get(QueueRegistry).get(QUEUES.lifecycle).add('program.digest_sweep', {});
    await ctx.system.settle();
    await Promise.all([digests.sendDue(), digests.sendDue()]);
    await digests.sendDue();

    const admins = [program.admin.userId, sam.userId].sort();
    const digest = (userId: string) => ({
      userId,
      title: "This week's figures for Weekly digest program",
      link: `/programs/${program.programId}`,
    });
    expect(await received()).toEqual(admins.map(digest));
    expect(await received()).not.toContainEqual(expect.objectContaining({ userId: enrolling.admin.userId }));
    await ctx.system.settle();
    const mails = ctx.inbox.received.filter((mail) => mail.subject.startsWith("This week's figures"));
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([program.admin.email, sam.email].sort());
    expect(mails[0].text).toContain('2 mentors and 2 mentees enrolled; 2 mentees matched, 2 mentorships active.');
    expect(mails[0].text).toContain('Since the start: 1 session held');

    // The next ISO week brings the next digest, once.
    const nextWeek = new Date(Date.now() + 7 * DAY);
    await digests.sendDue(nextWeek);
    await digests.sendDue(nextWeek);
    expect(await received()).toEqual(admins.flatMap((id) => [digest(id), digest(id)]));
  });

  it('keeps the digest sweep scheduled', async () => {
    const lifecycle = ctx.system.api.get(QueueRegistry).get(QUEUES.lifecycle);
    const schedulers = (await lifecycle.getJobSchedulers()).map((scheduler) => scheduler.key);
    expect(schedulers).toContain('program.digest_sweep');
  });
});
