import type { GraphQLCaller } from '../graphql-client.js';
import { ACCEPT_REQUEST, sendRequest } from './mentorship-requests.js';
import { publishedMentor, signUpUser, type TestMentor, type TestUser } from './people.js';

export const SESSION_FIELDS = `
  id status startsAt endsAt agenda meetingUrl cancelReason lateCancellation
  host { id } participants { id } cancelledBy { id } noShows { id } mentorship { id }
`;
export const BOOK_SESSION = `mutation ($input: BookSessionInput!) { bookSession(input: $input) { ${SESSION_FIELDS} } }`;
export const SET_AVAILABILITY = `mutation ($input: WeeklyAvailabilityInput!) {
  setWeeklyAvailability(input: $input) {
    timeZone minNoticeHours bufferMinutes maxSessionsPerWeek
    rules { weekday startTime endTime } timeOff { id startsAt endsAt note }
  }
}`;
export const AVAILABLE_SLOTS = `query ($mentorId: ID!, $from: DateTime!, $to: DateTime!, $durationMinutes: Int!) {
  availableSlots(mentorId: $mentorId, from: $from, to: $to, durationMinutes: $durationMinutes) { startsAt endsAt }
}`;

/** Open around the clock every day in UTC, with no notice: every future quarter hour is bookable. */
export function alwaysOpen(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    timeZone: 'UTC',
    rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '00:00', endTime: '24:00' })),
    minNoticeHours: 0,
    bufferMinutes: 0,
    ...overrides,
  };
}

export async function setAvailability(
  system: GraphQLCaller,
  mentor: TestUser,
  input: Record<string, unknown> = alwaysOpen(),
): Promise<void> {
  const res = await system.gql(SET_AVAILABILITY, { input }, mentor.token);
  if (!res.data) throw new Error(`setWeeklyAvailability failed: ${JSON.stringify(res.errors)}`);
}

export interface TestMentorship {
  id: string;
  mentor: TestMentor;
  mentee: TestUser;
}

/** An ACTIVE mentorship between a published mentor (open around the clock) and a mentee. */
export async function activeMentorship(
  system: GraphQLCaller,
  options: { mentor?: TestMentor; mentee?: TestUser; cadence?: string } = {},
): Promise<TestMentorship> {
  const mentor = options.mentor ?? (await publishedMentor(system, { maxActiveMentees: 50 }));
  if (!options.mentor) await setAvailability(system, mentor);
  const mentee = options.mentee ?? (await signUpUser(system, 'Ada Mentee'));
  const requestId = await sendRequest(system, mentee.token, mentor.profileId, { cadence: options.cadence ?? 'WEEKLY' });
  const accepted = await system.gql(ACCEPT_REQUEST, { id: requestId }, mentor.token);
  if (!accepted.data) throw new Error(`accept failed: ${JSON.stringify(accepted.errors)}`);
  return { id: accepted.data.acceptMentorshipRequest.id, mentor, mentee };
}

/** A quarter-hour instant `hours` from now (rounded up), as an ISO string. */
export function hoursFromNow(hours: number): string {
  const quarter = 15 * 60_000;
  return new Date(Math.ceil((Date.now() + hours * 3_600_000) / quarter) * quarter).toISOString();
}
