import { BOOK_SESSION, hoursFromNow, type TestMentorship } from '@app/testing';
import { shiftSession } from '../support/shift-session.js';
import type { TestSystem } from '../support/test-system.js';

/**
 * A session of the mentorship that was booked, then moved into the past (time travel for
 * the row, not the clock) and marked held by the mentee. Returns its id.
 */
export async function heldSession(system: TestSystem, pair: TestMentorship, daysAgo = 0): Promise<string> {
  const booked = await system.gql(
    BOOK_SESSION,
    { input: { mentorshipId: pair.id, startsAt: hoursFromNow(2), durationMinutes: 60 } },
    pair.mentee.token,
  );
  if (!booked.data) throw new Error(`bookSession failed: ${JSON.stringify(booked.errors)}`);
  const id: string = booked.data.bookSession.id;
  await shiftSession(system.db, id, -(4 + daysAgo * 24));
  const done = await system.gql(
    `mutation ($id: ID!) { completeSession(id: $id) { status } }`,
    { id },
    pair.mentee.token,
  );
  if (done.data?.completeSession?.status !== 'COMPLETED') {
    throw new Error(`completeSession failed: ${JSON.stringify(done.errors)}`);
  }
  return id;
}
