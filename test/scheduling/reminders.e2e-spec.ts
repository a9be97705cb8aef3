import { SessionNotificationsService } from '@app/domain';
import { QUEUES, QueueRegistry } from '@app/platform';
import {
  activeMentorship,
  BOOK_SESSION,
  hoursFromNow,
  publishedMentor,
  setAvailability,
  signUpUser,
  type TestMentorship,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { startSmtpInbox } from '../notifications/smtp-inbox.js';

const RESCHEDULE = `mutation ($id: ID!, $startsAt: DateTime!) { rescheduleSession(id: $id, startsAt: $startsAt) { id } }`;

/** The instant as the recipient reads it in their zone, the way messages write it. */
const clock = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );

describe('session reminders and cadence nudges', () => {
  let system: TestSystem;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    system = await startTestSystem({ worker: true, config: { SMTP_URL: inbox.url } });
  });
  beforeEach(async () => {
    await system.reset();
    inbox.received.length = 0;
  });
  afterAll(async () => {
    await system.close();
    await inbox.close();
  });

  const lifecycle = () => system.api.get(QueueRegistry).get(QUEUES.lifecycle);
  const reminders = () =>
    system.db.query<Array<{ userId: string; body: string; title: string }>>(
      `SELECT user_id AS "userId", title, body FROM notifications WHERE type = 'SESSION_REMINDER' ORDER BY created_at`,
    );
  const book = async (pair: TestMentorship, startsAt: string) =>
    (
      await system.gql(
        BOOK_SESSION,
        { input: { mentorshipId: pair.id, startsAt, durationMinutes: 60 } },
        pair.mentee.token,
      )
    ).data.bookSession;

  it('arms reminders a day and an hour ahead; after a reschedule only the new ones speak, in each zone', async () => {
    const mentee = await signUpUser(system, 'Ada', 'Asia/Tokyo');
    const pair = await activeMentorship(system, { mentee });
    const session = await book(pair, hoursFromNow(48));
    await system.settle();
    const day = await lifecycle().getJob(`remind-${session.id}-v1-DAY`);
    const hour = await lifecycle().getJob(`remind-${session.id}-v1-HOUR`);
    expect(await day!.getState()).toBe('delayed');
    expect(Math.abs(day!.timestamp + day!.opts.delay! - (Date.parse(session.startsAt) - 86_400_000))).toBeLessThan(
      5_000,
    );
    expect(Math.abs(hour!.timestamp + hour!.opts.delay! - (Date.parse(session.startsAt) - 3_600_000))).toBeLessThan(
      5_000,
    );

    const movedTo = hoursFromNow(72);
    await system.gql(RESCHEDULE, { id: session.id, startsAt: movedTo }, pair.mentor.token);
    await system.settle();
    const fresh = await lifecycle().getJob(`remind-${session.id}-v2-HOUR`);
    expect(await fresh!.getState()).toBe('delayed');

    // The old reminder still fires, sees version 2 and says nothing.
    await day!.promote();
    await system.settle();
    expect(await reminders()).toEqual([]);

    await fresh!.promote();
    await system.settle();
    const sent = await reminders();
    expect(sent.map((n) => n.userId).sort()).toEqual([pair.mentor.userId, mentee.userId].sort());
    const toMentee = sent.find((n) => n.userId === mentee.userId)!;
    expect(toMentee.title).toBe('Your session starts in an hour');
    expect(toMentee.body).toContain(`${clock(movedTo, 'Asia/Tokyo')} (Asia/Tokyo)`);
    const mailed = inbox.received.filter((mail) => mail.subject === 'Your session starts in an hour');
    expect(mailed.map((mail) => mail.to[0]).sort()).toEqual([pair.mentor.email, mentee.email].sort());
    expect(mailed.find((mail) => mail.to[0] === pair.mentor.email)!.text).toContain(
      `${clock(movedTo, 'Europe/Berlin')} (Europe/Berlin)`,
    );

    // The same reminder delivered twice tells nobody twice.
    await lifecycle().add('session.remind', fresh!.data, { jobId: `again-${session.id}` });
    await system.settle();
    expect(await reminders()).toHaveLength(2);
  });

  it('nudges both sides once per cadence window, never AD_HOC and never a mentorship that keeps its cadence', async () => {
    const lapsed = await activeMentorship(system, { cadence: 'WEEKLY' });
    await activeMentorship(system, { cadence: 'AD_HOC' });
    const mentor = await publishedMentor(system, { maxActiveMentees: 5 });
    await setAvailability(system, mentor);
    const kept = await activeMentorship(system, { cadence: 'WEEKLY', mentor });
    await book(kept, hoursFromNow(30));
    await system.db.query(`UPDATE mentorships SET started_at = now() - interval '8 days'`);
    const nudges = () =>
      system.db.query<Array<{ userId: string }>>(
        `SELECT user_id AS "userId" FROM notifications WHERE type = 'CADENCE_NUDGE' ORDER BY user_id`,
      );
    const sweep = () => system.worker!.get(SessionNotificationsService).nudgeLapsedCadences();

    await sweep();
    await sweep();
    expect((await nudges()).map((n) => n.userId)).toEqual([lapsed.mentee.userId, lapsed.mentor.userId].sort());

    // A week later the next window starts: one more nudge each.
    await system.db.query(`UPDATE mentorships SET started_at = started_at - interval '7 days'`);
    await sweep();
    expect(await nudges()).toHaveLength(4);
  });

  it('keeps the completion and cadence sweeps scheduled', async () => {
    const schedulers = (await lifecycle().getJobSchedulers()).map((scheduler) => scheduler.key);
    expect(schedulers).toEqual(expect.arrayContaining(['session.completion_sweep', 'mentorship.cadence_sweep']));
  });
});
