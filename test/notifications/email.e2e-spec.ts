import { QUEUES, QueueRegistry, type EventJob } from '@app/platform';
import { ACCEPT_REQUEST, publishedMentor, sendRequest, signUpUser } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { startSmtpInbox, type ReceivedMail } from './smtp-inbox.js';

describe('notification emails', () => {
  let system: TestSystem;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;

  beforeAll(async () => {
    inbox = await startSmtpInbox();
    system = await startTestSystem({
      worker: true,
      indexer: true,
      config: { SMTP_URL: inbox.url, WEB_APP_URL: 'https://app.mentorbridge.test/' },
    });
  });
  beforeEach(async () => {
    await system.reset();
    inbox.received.length = 0;
  });
  afterAll(async () => {
    await system.close();
    await inbox.close();
  });

  const isWelcome = (mail: ReceivedMail) => mail.subject.startsWith('Welcome to Mentorbridge');
  /** What a person was sent about their requests and mentorships; the welcome has a test of its own. */
  const mailTo = (email: string): ReceivedMail[] =>
    inbox.received.filter((mail) => mail.to.includes(email) && !isWelcome(mail));

  it('welcomes a new user by email as well as in the inbox, once', async () => {
    const user = await signUpUser(system, 'Ada');
    await system.settle();
    const welcomes = inbox.received.filter((mail) => mail.to.includes(user.email) && isWelcome(mail));
    expect(welcomes.map((mail) => mail.subject)).toEqual(['Welcome to Mentorbridge, Ada']);
    expect(welcomes[0].text).toContain('Open it in Mentorbridge: https://app.mentorbridge.test/profile');
    const res = await system.gql(`{ notifications { edges { node { type title link } } } }`, {}, user.token);
    expect(res.data.notifications.edges).toEqual([
      { node: { type: 'WELCOME', title: 'Welcome to Mentorbridge, Ada', link: '/profile' } },
    ]);
  });

  it('emails the mentor about a new request, with the deadline in the mentor’s time zone', async () => {
    const mentor = await publishedMentor(system, { displayName: 'Grace', timeZone: 'America/Sao_Paulo' });
    const mentee = await signUpUser(system, 'Ada', 'Asia/Tokyo');
    const id = await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();

    const [mail, ...more] = mailTo(mentor.email);
    expect(more).toEqual([]);
    expect(mail.subject).toBe('Ada asks you to mentor them');
    expect(mail.text).toContain('Lead my first team');
    expect(mail.text).toContain(`Open it in Mentorbridge: https://app.mentorbridge.test/requests/${id}`);
    const [{ expiresAt }] = await system.db.query(`SELECT expires_at AS "expiresAt" FROM mentorship_requests`);
    const saoPauloHour = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/Sao_Paulo',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(expiresAt);
    expect(mail.text).toContain(`${saoPauloHour} (America/Sao_Paulo)`);
    expect(mailTo(mentee.email)).toEqual([]);
  });

  it('emails the mentee when accepted, with the mentor’s message', async () => {
    const mentor = await publishedMentor(system, { displayName: 'Grace' });
    const mentee = await signUpUser(system, 'Ada');
    const id = await sendRequest(system, mentee.token, mentor.profileId);
    await system.gql(ACCEPT_REQUEST, { id, message: 'Looking forward to it' }, mentor.token);
    await system.settle();
    const [mail] = mailTo(mentee.email);
    expect(mail.subject).toBe('Grace accepted your request');
    expect(mail.text).toContain('Looking forward to it');
  });

  it('sends one email when the same job is delivered twice, even at once', async () => {
    const mentor = await publishedMentor(system);
    const mentee = await signUpUser(system);
    await sendRequest(system, mentee.token, mentor.profileId);
    await system.settle();
    expect(mailTo(mentor.email)).toHaveLength(1);

    const queue = system.api.get(QueueRegistry).get(QUEUES.notifications);
    const [original] = (await queue.getJobs(['completed'])).filter(
      (job) => job.name === 'mentorship_request.transitioned',
    );
    const data = original.data as EventJob;
    // A redelivery as the queue could make it: the same event under new job ids, twice in parallel.
    await queue.addBulk([
      { name: data.type, data, opts: { jobId: `redelivery-1-${data.eventId}` } },
      { name: data.type, data, opts: { jobId: `redelivery-2-${data.eventId}` } },
    ]);
    await system.settle();

    expect(mailTo(mentor.email)).toHaveLength(1);
    const [{ n }] = await system.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE type = 'REQUEST_RECEIVED'`,
    );
    expect(n).toBe(1);
  });

  it('respects a user turning email off for one type, keeping the in-app notification', async () => {
    const mentor = await publishedMentor(system);
    const off = await system.gql(
      `mutation { setEmailPreference(type: "REQUEST_RECEIVED", enabled: false) }`,
      {},
      mentor.token,
    );
    expect(off.data.setEmailPreference).toBe(false);
    const prefs = await system.gql(`{ emailPreferences { type enabled } }`, {}, mentor.token);
    expect(prefs.data.emailPreferences).toContainEqual({ type: 'REQUEST_RECEIVED', enabled: false });
    expect(prefs.data.emailPreferences).toContainEqual({ type: 'REQUEST_WITHDRAWN', enabled: true });

    const mentee = await signUpUser(system);
    const id = await sendRequest(system, mentee.token, mentor.profileId);
    await system.gql(`mutation ($id: ID!) { withdrawMentorshipRequest(id: $id) { id } }`, { id }, mentee.token);
    await system.settle();

    expect(mailTo(mentor.email).map((mail) => mail.subject)).toEqual([expect.stringContaining('withdrew')]);
    const inApp = await system.gql(
      `{ notifications { totalCount unreadCount edges { node { type } } } }`,
      {},
      mentor.token,
    );
    expect(inApp.data.notifications.edges.map((edge: { node: { type: string } }) => edge.node.type)).toEqual(
      expect.arrayContaining(['REQUEST_RECEIVED', 'REQUEST_WITHDRAWN']),
    );
  });

  it('refuses an unknown notification type with BAD_USER_INPUT', async () => {
    const user = await signUpUser(system);
    const res = await system.gql(`mutation { setEmailPreference(type: "NOPE", enabled: false) }`, {}, user.token);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'type' });
  });
});
