import { ProgramRhythmNotificationsService, SessionNotificationsService } from '@app/domain';
import { QUEUES, QueueRegistry } from '@app/platform';
import { activeMentorship, BOOK_SESSION, hoursFromNow, type TestMentorship } from '@app/testing';
import { heldSession } from '../feedback/feedback-fixtures.js';
import { shiftSession } from '../support/shift-session.js';
import { useSystemWithInbox } from '../support/system-with-inbox.js';
import { runningProgram } from './program-fixtures.js';

const CHECK_IN = `mutation ($input: CheckInInput!) { submitCheckIn(input: $input) { id } }`;
const GOALS = `query ($id: ID!) { mentorship(id: $id) { goals { id title progress } } }`;

interface Nudge {
  userId: string;
  title: string;
  link: string;
}

describe('program rhythm nudges', () => {
  const ctx = useSystemWithInbox({ worker: true });

  const sweep = () => ctx.system.worker!.get(ProgramRhythmNotificationsService).nudgeLapsed();
  const nudges = () =>
    ctx.system.db.query<Nudge[]>(
      `SELECT user_id AS "userId", title, link FROM notifications WHERE type = 'PROGRAM_NUDGE' ORDER BY user_id, created_at`,
    );
  const byUser = (list: Nudge[]) => [...list].sort((a, b) => a.userId.localeCompare(b.userId));
  const book = async (pair: TestMentorship, hours: number): Promise<string> => {
    const res = await ctx.system.gql(
      BOOK_SESSION,
      { input: { mentorshipId: pair.id, startsAt: hoursFromNow(hours), durationMinutes: 60 } },
      pair.mentee.token,
    );
    if (!res.data) throw new Error(`bookSession failed: ${JSON.stringify(res.errors)}`);
    return res.data.bookSession.id;
  };
  /** Moves every mentorship's start `days` into the past: the windows since then have passed. */
  const startedDaysAgo = (days: number, ids?: string[]) =>
    ctx.system.db.query(
      `UPDATE mentorships SET started_at = now() - $1 * interval '1 day' WHERE $2::uuid[] IS NULL OR id = ANY($2)`,
      [days, ids ?? null],
    );

  it('nudges each participant once per closed window in which the pair neither met nor checked in', async () => {
    const { pairs } = await runningProgram(ctx.system, 6, { checkInEveryDays: 14 });
    const [silent, halfChecked, keeping, booked, noShow, young] = pairs;

    // silent: its one session was cancelled. noShow: the mentee did not come.
    await ctx.system.gql(
      `mutation ($id: ID!) { cancelSession(id: $id) { id } }`,
      { id: await book(silent, 3) },
      silent.mentee.token,
    );
    const missed = await book(noShow, 3);
    await shiftSession(ctx.system.db, missed, -5 * 24);
    const reported = await ctx.system.gql(
      `mutation ($id: ID!, $userId: ID!) { reportNoShow(id: $id, userId: $userId) { status } }`,
      { id: missed, userId: noShow.mentee.userId },
      noShow.mentor.token,
    );
    expect(reported.data.reportNoShow.status).toBe('NO_SHOW');
    // halfChecked met; only the mentee checked in, moving a goal the program gave the mentorship.
    const met = await heldSession(ctx.system, halfChecked, 5);
    const [goal] = (await ctx.system.gql(GOALS, { id: halfChecked.id }, halfChecked.mentee.token)).data.mentorship
      .goals;
    const input = { sessionId: met, usefulness: 4, goalProgress: [{ goalId: goal.id, progress: 40 }] };
    expect((await ctx.system.gql(CHECK_IN, { input }, halfChecked.mentee.token)).data.submitCheckIn.id).toBeDefined();
    expect(
      (await ctx.system.gql(GOALS, { id: halfChecked.id }, halfChecked.mentee.token)).data.mentorship.goals,
    ).toEqual([{ id: goal.id, title: 'Lead my first team', progress: 40 }]);
    // keeping met and both checked in; booked has its next meeting booked for tomorrow.
    const kept = await heldSession(ctx.system, keeping, 8);
    for (const person of [keeping.mentee, keeping.mentor]) {
      await ctx.system.gql(CHECK_IN, { input: { sessionId: kept, usefulness: 5 } }, person.token);
    }
    await book(booked, 24);
    await ctx.system.settle();
    ctx.inbox.received.length = 0;

    // The first 14-day window closed a day ago, but for the young pair, 10 days in.
    await startedDaysAgo(15);
    await startedDaysAgo(10, [young.id]);
    // Through the queue, as the repeating job runs it, then twice more at once: still one each.
    await ctx.system.api.get(QueueRegistry).get(QUEUES.lifecycle).add('program.rhythm_sweep', {});
    await ctx.system.settle();
    await Promise.all([sweep(), sweep()]);

    const meet = (to: string, partner: string, mentorshipId: string) => ({
      userId: to,
      title: `Time to meet ${partner}`,
      link: `/mentorships/${mentorshipId}`,
    });
    const firstWindow = byUser([
      meet(silent.mentee.userId, silent.mentorName, silent.id),
      meet(silent.mentor.userId, silent.menteeName, silent.id),
      meet(noShow.mentee.userId, noShow.mentorName, noShow.id),
      meet(noShow.mentor.userId, noShow.menteeName, noShow.id),
      {
        userId: halfChecked.mentor.userId,
        title: `Check in on your session with ${halfChecked.menteeName}`,
        link: `/sessions/${met}`,
      },
    ]);
    expect(await nudges()).toEqual(firstWindow);
    await ctx.system.settle();
    const mailed = ctx.inbox.received.map((mail) => [mail.to[0], mail.subject]).sort();
    expect(mailed).toEqual(
      [
        [silent.mentee.email, `Time to meet ${silent.mentorName}`],
        [silent.mentor.email, `Time to meet ${silent.menteeName}`],
        [noShow.mentee.email, `Time to meet ${noShow.mentorName}`],
        [noShow.mentor.email, `Time to meet ${noShow.menteeName}`],
        [halfChecked.mentor.email, `Check in on your session with ${halfChecked.menteeName}`],
      ].sort(),
    );
    expect(ctx.inbox.received.find((mail) => mail.to[0] === silent.mentee.email)!.text).toContain(
      'New hires 2026 asks you to meet and check in every 14 days.',
    );

    // Two weeks on, the second window closed (the same gaps) and so did the young pair's first.
    await startedDaysAgo(29);
    await startedDaysAgo(24, [young.id]);
    await sweep();
    await sweep();
    expect(await nudges()).toEqual(
      byUser([
        ...firstWindow,
        ...firstWindow,
        meet(young.mentee.userId, young.mentorName, young.id),
        meet(young.mentor.userId, young.menteeName, young.id),
      ]),
    );
    const [{ keys }] = await ctx.system.db.query(
      `SELECT array_agg(DISTINCT split_part(dedupe_key, ':', 3) ORDER BY split_part(dedupe_key, ':', 3)) AS keys
         FROM notifications WHERE type = 'PROGRAM_NUDGE'`,
    );
    expect(keys).toEqual(['0', '1']);
  });

  it('leaves ended mentorships and closed programs alone, and keeps cadence nudges to marketplace pairs', async () => {
    const open = await runningProgram(ctx.system, 2, { checkInEveryDays: 7 });
    const closed = await runningProgram(ctx.system, 1, { checkInEveryDays: 7 }, 'Closed ');
    const [ending, lapsing] = open.pairs;
    const ended = await ctx.system.gql(
      `mutation ($id: ID!) { endMentorship(id: $id, reason: "We found other mentors") { status } }`,
      { id: ending.id },
      ending.mentee.token,
    );
    expect(ended.data.endMentorship.status).toBe('ENDED');
    const close = await ctx.system.gql(
      `mutation ($id: ID!) { closeProgram(programId: $id) { status } }`,
      { id: closed.program.programId },
      closed.program.admin.token,
    );
    expect(close.data.closeProgram.status).toBe('CLOSED');
    const marketplace = await activeMentorship(ctx.system, { cadence: 'WEEKLY' });
    // Program pairs meet weekly here, and none of them, nor the marketplace pair, has met in 8 days.
    await startedDaysAgo(8);

    await sweep();
    await ctx.system.worker!.get(SessionNotificationsService).nudgeLapsedCadences();

    expect((await nudges()).map((n) => n.userId).sort()).toEqual([lapsing.mentee.userId, lapsing.mentor.userId].sort());
    const cadence = await ctx.system.db.query<Array<{ userId: string }>>(
      `SELECT user_id AS "userId" FROM notifications WHERE type = 'CADENCE_NUDGE'`,
    );
    expect(cadence.map((n) => n.userId).sort()).toEqual([marketplace.mentee.userId, marketplace.mentor.userId].sort());
  });

  it('keeps the rhythm sweep scheduled', async () => {
    const lifecycle = ctx.system.api.get(QueueRegistry).get(QUEUES.lifecycle);
    const schedulers = (await lifecycle.getJobSchedulers()).map((scheduler) => scheduler.key);
    expect(schedulers).toContain('program.rhythm_sweep');
  });
});
