import {
  EnrollmentsService,
  MatchingRoundsService,
  OrganizationsService,
  ProgramQueriesService,
  ProgramsService,
  type CommunicationStyle,
} from '@app/domain';
import { PasswordHasher } from '@app/domain/accounts/password-hasher.js';
import type { Config } from '@app/platform';
import { DataSource } from 'typeorm';
import { writeProgramHistory, type ProgramTimeline } from './program-history.js';
import { programsContext } from './programs-context.js';
import { Prng } from './prng.js';
import { DEMO_PASSWORD, seededEmail, type DemoAccount } from './seed-demo-data.js';

const DEMO_MENTORS = 30;
const DEMO_MENTEES = 80;
const ADMIN = { email: 'program-admin@demo.mentorbridge.test', displayName: 'Priya Okafor' };
const GOALS = [
  'Lead my first team',
  'Grow into a senior role',
  'Get better at giving feedback',
  'Plan my next career step',
  'Speak up in meetings',
];
const STYLES: CommunicationStyle[] = ['DIRECT', 'SUPPORTIVE', 'SOCRATIC', 'HANDS_ON'];
const DAY = 86_400_000;
const CHECK_IN_EVERY_DAYS = 14;

/**
 * The demo program's calendar, counted back from the day it is seeded so that `npm start`
 * always finds it under way: it started ten weeks before that day (enrolment opened three
 * weeks earlier, the round was published two days in) and runs for 26 weeks; its history
 * ends the day before. The same seed on the same day writes the same rows.
 */
export function demoProgramCalendar(asOf: Date): { startsOn: string; endsOn: string; timeline: ProgramTimeline } {
  const today = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  const start = today - 70 * DAY;
  const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return {
    startsOn: isoDate(start),
    endsOn: isoDate(start + 26 * 7 * DAY),
    timeline: {
      enrolmentOpened: new Date(start - 21 * DAY + 9 * 3_600_000),
      roundPublished: new Date(start + 2 * DAY + 10 * 3_600_000),
      until: new Date(today - DAY),
      checkInEveryDays: CHECK_IN_EVERY_DAYS,
    },
  };
}

interface Person {
  id: string;
  timeZone: string;
  languages: string[];
  skills: string[] | null;
  industries: string[];
}

/**
 * One organisation running one program, through the programs services as an admin would:
 * 30 seeded mentors and 80 seeded mentees enrolled with intakes drawn from their profiles,
 * and one matching round run and published; then the weeks since its start, written as
 * history (sessions, check-ins, goal progress). Needs `seedDemoData` with at least that many.
 */
export async function seedDemoProgram(config: Config, seed: number, asOf: Date = new Date()): Promise<DemoAccount> {
  const calendar = demoProgramCalendar(asOf);
  const context = await programsContext(config);
  try {
    const db = context.get(DataSource);
    const [admin] = await db.query<Array<{ id: string }>>(
      `INSERT INTO users (email, password_hash, display_name, time_zone) VALUES ($1, $2, $3, 'Europe/London') RETURNING id`,
      [ADMIN.email, await new PasswordHasher().hash(DEMO_PASSWORD), ADMIN.displayName],
    );
    const adminId = admin.id;
    const organization = await context
      .get(OrganizationsService)
      .create(adminId, { name: 'Northwind Engineering', slug: 'northwind' });
    const programs = context.get(ProgramsService);
    const programId = await programs.create(adminId, {
      organizationId: organization.id,
      name: 'First-year engineers',
      description: 'Every engineer in their first year meets a senior colleague twice a month.',
      goals: ['Retain first-year engineers', 'Grow future team leads'],
      formats: ['ONE_ON_ONE'],
      startsOn: calendar.startsOn,
      endsOn: calendar.endsOn,
      maxMenteesPerMentor: 3,
      checkInEveryDays: CHECK_IN_EVERY_DAYS,
    });
    await programs.openEnrollment(adminId, programId);
    const inviteCode = (await context.get(ProgramQueriesService).inviteCode(adminId, programId))!;

    const prng = new Prng(seed + 1000);
    const enrollments = context.get(EnrollmentsService);
    const enrol = async (role: 'MENTOR' | 'MENTEE', person: Person) => {
      await enrollments.enroll(person.id, {
        programId,
        inviteCode,
        role,
        goals: prng.sample(GOALS, prng.int(1, 2)),
        skills: person.skills?.length ? person.skills.slice(0, 5) : ['Leadership'],
        industries: person.industries.slice(0, 2),
        communicationStyle: prng.pick(STYLES),
        languages: person.languages,
        timeZone: person.timeZone,
        hoursPerMonth: prng.int(2, 8),
      });
    };
    for (const mentor of await people(db, 'mentor_profiles', seed, 'mentor', DEMO_MENTORS))
      await enrol('MENTOR', mentor);
    for (const mentee of await people(db, 'mentee_profiles', seed, 'mentee', DEMO_MENTEES))
      await enrol('MENTEE', mentee);

    const rounds = context.get(MatchingRoundsService);
    await rounds.publish(adminId, await rounds.run(adminId, programId));
    await writeProgramHistory(db, programId, calendar.timeline, new Prng(seed + 2000));
    return { email: ADMIN.email, password: DEMO_PASSWORD, role: 'admin', displayName: ADMIN.displayName };
  } finally {
    await context.close();
  }
}

/** The demo program's admin, when a demo program was seeded into this database. */
export async function demoProgramAdmin(db: DataSource): Promise<DemoAccount[]> {
  const rows = await db.query<Array<{ displayName: string }>>(
    `SELECT display_name AS "displayName" FROM users WHERE email = $1`,
    [ADMIN.email],
  );
  return rows.map((row) => ({
    email: ADMIN.email,
    password: DEMO_PASSWORD,
    role: 'admin',
    displayName: row.displayName,
  }));
}

/** The first seeded people of a role, with what their profile says they speak and know. */
function people(db: DataSource, table: string, seed: number, role: 'mentor' | 'mentee', count: number) {
  const emails = Array.from({ length: count }, (_, i) => seededEmail(seed, role, i));
  return db.query<Person[]>(
    `SELECT u.id, u.time_zone AS "timeZone", p.languages, p.industry_slugs AS industries,
            ARRAY(SELECT s.name FROM skills s WHERE s.id = ANY(p.skill_ids) ORDER BY s.name) AS skills
       FROM users u JOIN ${table} p ON p.user_id = u.id
      WHERE u.email = ANY($1::text[]) ORDER BY u.email`,
    [emails],
  );
}
