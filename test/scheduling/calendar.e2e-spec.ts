import ICAL from 'ical.js';
import mailparser from 'mailparser';
import { activeMentorship, BOOK_SESSION, hoursFromNow, type TestMentorship } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { startSmtpInbox } from '../notifications/smtp-inbox.js';

const FEED_URL = `query { me { calendarFeedUrl } }`;
const RESCHEDULE = `mutation ($id: ID!, $startsAt: DateTime!) { rescheduleSession(id: $id, startsAt: $startsAt) { id } }`;
const CANCEL = `mutation ($id: ID!) { cancelSession(id: $id, reason: "Ill") { id } }`;

interface FeedEvent {
  uid: string;
  sequence: number;
  status: string;
  start: string;
  startIsUtc: boolean;
  url: string;
}

/** Reads an iCalendar document with a real parser. */
function eventsOf(ics: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    return {
      uid: String(vevent.getFirstPropertyValue('uid')),
      sequence: Number(vevent.getFirstPropertyValue('sequence')),
      status: String(vevent.getFirstPropertyValue('status')),
      start: start.toJSDate().toISOString(),
      startIsUtc: start.zone?.tzid === 'UTC',
      url: String(vevent.getFirstPropertyValue('url')),
    };
  });
}

describe('calendar feeds and invitations', () => {
  let system: TestSystem;
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
  let pair: TestMentorship;
  beforeAll(async () => {
    inbox = await startSmtpInbox();
    system = await startTestSystem({
      worker: true,
      config: { SMTP_URL: inbox.url, API_PUBLIC_URL: 'https://api.mentorbridge.test/' },
    });
  });
  beforeEach(async () => {
    await system.reset();
    inbox.received.length = 0;
    pair = await activeMentorship(system);
  });
  afterAll(async () => {
    await system.close();
    await inbox.close();
  });

  const book = async (startsAt: string) =>
    (
      await system.gql(
        BOOK_SESSION,
        { input: { mentorshipId: pair.id, startsAt, durationMinutes: 60 } },
        pair.mentee.token,
      )
    ).data.bookSession;
  /** The feed as a calendar app fetches it, from this test's api (the public address is only printed). */
  const fetchFeed = (url: string) => fetch(`${system.baseUrl}${new URL(url).pathname}`);

  it('serves the last 30 days and the future with stable UIDs, SEQUENCE, cancellations and UTC times', async () => {
    const kept = await book(hoursFromNow(30));
    const cancelled = await book(hoursFromNow(54));
    const moved = await book(hoursFromNow(80));
    const recent = await book(hoursFromNow(110));
    const old = await book(hoursFromNow(140));
    await system.gql(CANCEL, { id: cancelled.id }, pair.mentor.token);
    const movedTo = hoursFromNow(170);
    await system.gql(RESCHEDULE, { id: moved.id, startsAt: movedTo }, pair.mentee.token);
    await system.db.query(
      `UPDATE sessions SET starts_at = starts_at - interval '20 days', ends_at = ends_at - interval '20 days' WHERE id = $1`,
      [recent.id],
    );
    await system.db.query(
      `UPDATE sessions SET starts_at = starts_at - interval '40 days', ends_at = ends_at - interval '40 days' WHERE id = $1`,
      [old.id],
    );

    const url: string = (await system.gql(FEED_URL, {}, pair.mentee.token)).data.me.calendarFeedUrl;
    expect(url).toMatch(/^https:\/\/api\.mentorbridge\.test\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await system.gql(FEED_URL, {}, pair.mentee.token)).data.me.calendarFeedUrl).toBe(url);
    const response = await fetchFeed(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    const events = eventsOf(await response.text());
    const byUid = new Map(events.map((event) => [event.uid, event]));
    expect([...byUid.keys()].sort()).toEqual(
      [kept.id, cancelled.id, moved.id, recent.id].map((id) => `${id}@mentorbridge`).sort(),
    );
    expect(byUid.get(`${kept.id}@mentorbridge`)).toMatchObject({
      sequence: 0,
      status: 'CONFIRMED',
      start: kept.startsAt,
      startIsUtc: true,
      url: kept.meetingUrl,
    });
    expect(byUid.get(`${cancelled.id}@mentorbridge`)?.status).toBe('CANCELLED');
    expect(byUid.get(`${moved.id}@mentorbridge`)).toMatchObject({ sequence: 1, start: movedTo });
    expect(events.every((event) => event.startIsUtc)).toBe(true);
  });

  it('is shown to its owner only, and rotating it makes the old URL answer 404', async () => {
    const other = await system.gql(
      `query ($id: ID!) { mentor(id: $id) { user { calendarFeedUrl } } }`,
      { id: pair.mentor.profileId },
      pair.mentee.token,
    );
    expect(other.data.mentor.user.calendarFeedUrl).toBeNull();
    const before: string = (await system.gql(FEED_URL, {}, pair.mentor.token)).data.me.calendarFeedUrl;
    const rotated = await system.gql(`mutation { rotateCalendarFeed { calendarFeedUrl } }`, {}, pair.mentor.token);
    const after: string = rotated.data.rotateCalendarFeed.calendarFeedUrl;
    expect(after).not.toBe(before);
    expect((await fetchFeed(before)).status).toBe(404);
    expect((await fetchFeed(after)).status).toBe(200);
    expect((await fetch(`${system.baseUrl}/calendar/not-a-token.ics`)).status).toBe(404);
  });

  it('attaches an .ics invitation to booking and reschedule emails', async () => {
    const session = await book(hoursFromNow(30));
    await system.settle();
    const invitation = async (subject: RegExp) => {
      const mail = inbox.received.find((m) => m.to.includes(pair.mentee.email) && subject.test(m.subject));
      if (!mail) throw new Error(`no mail matching ${subject}`);
      const parsed = await mailparser.simpleParser(mail.raw);
      const [attachment, ...more] = parsed.attachments;
      expect(more).toEqual([]);
      expect(attachment?.contentType).toBe('text/calendar');
      expect(attachment?.filename).toBe('session.ics');
      return eventsOf(attachment.content.toString('utf8'));
    };
    expect(await invitation(/^Session booked/)).toEqual([
      expect.objectContaining({ uid: `${session.id}@mentorbridge`, sequence: 0, start: session.startsAt }),
    ]);
    const movedTo = hoursFromNow(60);
    await system.gql(RESCHEDULE, { id: session.id, startsAt: movedTo }, pair.mentor.token);
    await system.settle();
    expect(await invitation(/moved your session$/)).toEqual([
      expect.objectContaining({ uid: `${session.id}@mentorbridge`, sequence: 1, start: movedTo }),
    ]);
  });
});
