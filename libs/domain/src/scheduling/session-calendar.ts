import ical, { ICalEventStatus } from 'ical-generator';
import { SessionStatus } from './session-lifecycle.js';
import type { MentoringSession } from './session.js';

/** A session as one person's calendar shows it, titled with the other people in it. */
export interface CalendarEntry {
  session: MentoringSession;
  title: string;
}

/**
 * An iCalendar document of sessions. UIDs are the session ids, so a calendar that polls the
 * feed updates an event in place; SEQUENCE counts reschedules; times are written in UTC
 * (every reader converts to its own zone); a cancelled session stays, as STATUS:CANCELLED.
 */
export function sessionCalendar(name: string, entries: readonly CalendarEntry[]): string {
  const calendar = ical({ name, prodId: { company: 'Mentorbridge', product: 'Sessions', language: 'EN' } });
  for (const { session, title } of entries) {
    calendar.createEvent({
      id: sessionUid(session.id),
      sequence: session.rescheduleCount,
      start: session.startsAt,
      end: session.endsAt,
      stamp: session.createdAt,
      summary: title,
      description: [session.agenda, `Join: ${session.meetingUrl}`].filter(Boolean).join('\n\n'),
      location: session.meetingUrl,
      url: session.meetingUrl,
      status: session.status === SessionStatus.CANCELLED ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

export function sessionUid(sessionId: string): string {
  return `${sessionId}@mentorbridge`;
}
