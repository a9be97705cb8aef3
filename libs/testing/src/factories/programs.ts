import type { GraphQLCaller } from '../graphql-client.js';
import { signUpUser, type TestUser } from './people.js';

export interface TestProgram {
  admin: TestUser;
  organizationId: string;
  programId: string;
  inviteCode: string;
}

let organizations = 0;

/** A complete, valid ProgramInput; tests override what they are about. */
export function programInput(organizationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organizationId,
    name: 'New hires 2026',
    description: 'Every new engineer meets a senior colleague once a fortnight.',
    goals: ['Retain first-year engineers'],
    formats: ['ONE_ON_ONE'],
    startsOn: '2026-01-05',
    endsOn: '2026-06-30',
    maxMenteesPerMentor: 2,
    checkInEveryDays: 14,
    ...overrides,
  };
}

/** A complete, valid EnrollmentInput for the program; tests override the intake they are about. */
export function enrollmentInput(
  program: Pick<TestProgram, 'programId' | 'inviteCode'>,
  role: 'MENTOR' | 'MENTEE',
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    programId: program.programId,
    inviteCode: program.inviteCode,
    role,
    goals: ['Lead my first team'],
    skills: ['TypeScript'],
    industries: ['technology'],
    communicationStyle: 'DIRECT',
    languages: ['en'],
    timeZone: 'Europe/Berlin',
    hoursPerMonth: 4,
    ...overrides,
  };
}

export const ENROLL = `mutation ($input: EnrollmentInput!) { enrollInProgram(input: $input) { id role goals communicationStyle withdrawnAt } }`;

/** An organisation with a signed-up admin and one program open for enrolment. */
export async function openProgram(
  system: GraphQLCaller,
  overrides: Record<string, unknown> = {},
): Promise<TestProgram> {
  organizations += 1;
  const admin = await signUpUser(system, 'Olivia Admin');
  const org = await system.gql(
    `mutation ($input: OrganizationInput!) { createOrganization(input: $input) { id } }`,
    { input: { name: 'Acme', slug: `acme-${organizations}-${process.pid}` } },
    admin.token,
  );
  if (!org.data) throw new Error(`createOrganization failed: ${JSON.stringify(org.errors)}`);
  const organizationId = org.data.createOrganization.id;
  const created = await system.gql(
    `mutation ($input: ProgramInput!) { createProgram(input: $input) { id } }`,
    { input: programInput(organizationId, overrides) },
    admin.token,
  );
  if (!created.data) throw new Error(`createProgram failed: ${JSON.stringify(created.errors)}`);
  const programId = created.data.createProgram.id;
  const opened = await system.gql(
    `mutation ($id: ID!) { openEnrollment(programId: $id) { inviteCode } }`,
    { id: programId },
    admin.token,
  );
  if (!opened.data) throw new Error(`openEnrollment failed: ${JSON.stringify(opened.errors)}`);
  return { admin, organizationId, programId, inviteCode: opened.data.openEnrollment.inviteCode };
}

/** Signs a new user up and enrols them; returns the user and their enrolment id. */
export async function enrolledUser(
  system: GraphQLCaller,
  program: TestProgram,
  role: 'MENTOR' | 'MENTEE',
  intake: Record<string, unknown> = {},
  displayName = role === 'MENTOR' ? 'Mona Mentor' : 'Milo Mentee',
): Promise<TestUser & { enrollmentId: string }> {
  const user = await signUpUser(system, displayName);
  const res = await system.gql(ENROLL, { input: enrollmentInput(program, role, intake) }, user.token);
  if (!res.data) throw new Error(`enrollInProgram failed: ${JSON.stringify(res.errors)}`);
  return { ...user, enrollmentId: res.data.enrollInProgram.id };
}
