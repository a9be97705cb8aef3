import {
  enrolledUser,
  openProgram,
  setAvailability,
  type TestMentorship,
  type TestProgram,
  type TestUser,
} from '@app/testing';
import type { TestSystem } from '../support/test-system.js';

export interface RunningProgram {
  program: TestProgram;
  /** One per mentee, in enrolment order; each mentor has one mentee and is open around the clock. */
  pairs: Array<TestMentorship & { mentorName: string; menteeName: string }>;
}

/**
 * A program enrolled, matched and published through the API: `size` mentors (one place each)
 * and `size` mentees, so every mentee has a mentor. Names carry the prefix and the mentee's
 * number, so messages can be told apart.
 */
export async function runningProgram(
  system: TestSystem,
  size: number,
  overrides: Record<string, unknown> = {},
  prefix = '',
): Promise<RunningProgram> {
  const program = await openProgram(system, { maxMenteesPerMentor: 1, ...overrides });
  const mentors = new Map<string, TestUser & { name: string }>();
  const mentees: Array<TestUser & { name: string }> = [];
  for (let i = 0; i < size; i++) {
    const name = `${prefix}Mentor ${i}`;
    const mentor = await enrolledUser(system, program, 'MENTOR', {}, name);
    mentors.set(mentor.userId, { ...mentor, name });
  }
  for (let i = 0; i < size; i++) {
    const name = `${prefix}Mentee ${i}`;
    mentees.push({ ...(await enrolledUser(system, program, 'MENTEE', {}, name)), name });
  }
  const run = await system.gql(
    `mutation ($id: ID!) { runMatchingRound(programId: $id) { id } }`,
    { id: program.programId },
    program.admin.token,
  );
  const published = await system.gql(
    `mutation ($id: ID!) { publishMatchingRound(roundId: $id) { status } }`,
    { id: run.data?.runMatchingRound.id },
    program.admin.token,
  );
  if (published.data?.publishMatchingRound.status !== 'PUBLISHED') {
    throw new Error(`publishing failed: ${JSON.stringify(run.errors ?? published.errors)}`);
  }
  await system.settle();
  // Publishing gave each mentor the (unlisted) profile that availability belongs to.
  for (const mentor of mentors.values()) await setAvailability(system, mentor);
  const rows = await system.db.query<Array<{ id: string; menteeId: string; mentorId: string; profileId: string }>>(
    `SELECT id, mentee_id AS "menteeId", mentor_user_id AS "mentorId", mentor_profile_id AS "profileId"
       FROM mentorships WHERE program_id = $1`,
    [program.programId],
  );
  const pairs = mentees.map((mentee) => {
    const row = rows.find((r) => r.menteeId === mentee.userId);
    const mentor = row && mentors.get(row.mentorId);
    if (!row || !mentor) throw new Error(`${mentee.name} was not matched`);
    return {
      id: row.id,
      mentor: { ...mentor, profileId: row.profileId },
      mentee,
      mentorName: mentor.name,
      menteeName: mentee.name,
    };
  });
  return { program, pairs };
}
