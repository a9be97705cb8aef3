import {
  ENROLL,
  enrolledUser,
  enrollmentInput,
  errorCode,
  openProgram,
  programInput,
  signUpUser,
  type GraphQLResponse,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const CREATE_ORG = `mutation ($input: OrganizationInput!) { createOrganization(input: $input) { id name slug admins { id } } }`;
const CREATE_PROGRAM = `mutation ($input: ProgramInput!) { createProgram(input: $input) { id status inviteCode } }`;
const UPDATE_PROGRAM = `mutation ($id: ID!, $input: ProgramInput!) { updateProgram(id: $id, input: $input) { id name maxMenteesPerMentor } }`;
const OPEN = `mutation ($id: ID!) { openEnrollment(programId: $id) { id status inviteCode } }`;
const CLOSE = `mutation ($id: ID!) { closeProgram(programId: $id) { id status } }`;
const PROGRAM = `query ($id: ID!) { program(id: $id) { id name status organization { slug } } }`;
const WITHDRAW = `mutation ($id: ID!) { withdrawEnrollment(programId: $id) { id withdrawnAt } }`;

function field(res: GraphQLResponse<unknown>): string | undefined {
  return res.errors?.[0]?.extensions?.field;
}

describe('organisations, programs and enrolment', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  beforeEach(() => system.reset());
  afterAll(() => system.close());

  it('makes the creator an admin who can add admins; slugs are unique and well formed', async () => {
    const olivia = await signUpUser(system, 'Olivia');
    const created = await system.gql(CREATE_ORG, { input: { name: 'Acme', slug: 'acme-corp' } }, olivia.token);
    expect(created.data.createOrganization).toMatchObject({ slug: 'acme-corp', admins: [{ id: olivia.userId }] });
    const orgId = created.data.createOrganization.id;

    const again = await system.gql(CREATE_ORG, { input: { name: 'Other', slug: 'acme-corp' } }, olivia.token);
    expect(errorCode(again)).toBe('CONFLICT');
    for (const slug of ['ab', 'Acme', 'acme_corp', 'x'.repeat(41)]) {
      const bad = await system.gql(CREATE_ORG, { input: { name: 'Bad', slug } }, olivia.token);
      expect([errorCode(bad), field(bad)]).toEqual(['BAD_USER_INPUT', 'input.slug']);
    }

    const sam = await signUpUser(system, 'Sam');
    const stranger = await signUpUser(system, 'Stranger');
    const ADD = `mutation ($org: ID!, $email: String!) { addOrganizationAdmin(organizationId: $org, email: $email) { admins { id } } }`;
    expect(errorCode(await system.gql(ADD, { org: orgId, email: stranger.email }, stranger.token))).toBe('NOT_FOUND');
    const added = await system.gql(ADD, { org: orgId, email: sam.email.toUpperCase() }, olivia.token);
    expect(added.data.addOrganizationAdmin.admins.map((a: { id: string }) => a.id).sort()).toEqual(
      [olivia.userId, sam.userId].sort(),
    );
    const unknown = await system.gql(ADD, { org: orgId, email: 'nobody@example.com' }, olivia.token);
    expect([errorCode(unknown), field(unknown)]).toEqual(['BAD_USER_INPUT', 'email']);

    const ORG = `query ($slug: String!) { organization(slug: $slug) { id programs { totalCount } } }`;
    expect((await system.gql(ORG, { slug: 'acme-corp' }, sam.token)).data.organization.id).toBe(orgId);
    expect(errorCode(await system.gql(ORG, { slug: 'acme-corp' }, stranger.token))).toBe('NOT_FOUND');
  });

  it.each([
    ['name', { name: 'ab' }, 'input.name'],
    ['description', { description: 'x'.repeat(5001) }, 'input.description'],
    ['no goals', { goals: [] }, 'input.goals'],
    ['six goals', { goals: ['goal a', 'goal b', 'goal c', 'goal d', 'goal e', 'goal f'] }, 'input.goals'],
    ['no formats', { formats: [] }, 'input.formats'],
    ['dates backwards', { startsOn: '2026-06-01', endsOn: '2026-05-01' }, 'input.endsOn'],
    ['bad date', { startsOn: '2026-02-30x' }, 'input.startsOn'],
    ['mentees per mentor', { maxMenteesPerMentor: 11 }, 'input.maxMenteesPerMentor'],
    ['check-in cadence', { checkInEveryDays: 6 }, 'input.checkInEveryDays'],
  ])('refuses a program with bad %s, naming the field, and stores nothing', async (_name, override, path) => {
    const program = await openProgram(system);
    const res = await system.gql(
      CREATE_PROGRAM,
      { input: programInput(program.organizationId, override) },
      program.admin.token,
    );
    expect([errorCode(res), field(res)]).toEqual(['BAD_USER_INPUT', path]);
    const [{ count }] = await system.db.query(`SELECT count(*)::int AS count FROM programs`);
    expect(count).toBe(1);
  });

  it('opens enrolment once, with an invite code only admins see, and audits every move', async () => {
    const program = await openProgram(system);
    expect(program.inviteCode).toMatch(/^[A-Z2-9]{12}$/);
    const again = await system.gql(OPEN, { id: program.programId }, program.admin.token);
    expect(errorCode(again)).toBe('CONFLICT');

    const member = await enrolledUser(system, program, 'MENTEE');
    const stranger = await signUpUser(system, 'Stranger');
    expect((await system.gql(PROGRAM, { id: program.programId }, member.token)).data.program.status).toBe('ENROLLING');
    expect(errorCode(await system.gql(PROGRAM, { id: program.programId }, stranger.token))).toBe('NOT_FOUND');

    for (const adminField of ['inviteCode', 'enrollments { totalCount }', 'matchingRounds { id }']) {
      const res = await system.gql(
        `query ($id: ID!) { program(id: $id) { ${adminField} } }`,
        { id: program.programId },
        member.token,
      );
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    const adminView = await system.gql(
      `query ($id: ID!) { program(id: $id) { inviteCode enrollments(role: MENTEE) { totalCount edges { node { user { id } } } } } }`,
      { id: program.programId },
      program.admin.token,
    );
    expect(adminView.data.program).toEqual({
      inviteCode: program.inviteCode,
      enrollments: { totalCount: 1, edges: [{ node: { user: { id: member.userId } } }] },
    });

    const input = programInput(program.organizationId, { name: 'Renamed', maxMenteesPerMentor: 3 });
    expect(errorCode(await system.gql(UPDATE_PROGRAM, { id: program.programId, input }, member.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await system.gql(UPDATE_PROGRAM, { id: program.programId, input }, stranger.token))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await system.gql(CLOSE, { id: program.programId }, member.token))).toBe('FORBIDDEN');
    const asMember = await system.gql(CREATE_PROGRAM, { input: programInput(program.organizationId) }, member.token);
    expect(errorCode(asMember)).toBe('FORBIDDEN');
    const ADD_ADMIN = `mutation ($org: ID!, $email: String!) { addOrganizationAdmin(organizationId: $org, email: $email) { id } }`;
    const selfPromotion = await system.gql(
      ADD_ADMIN,
      { org: program.organizationId, email: member.email },
      member.token,
    );
    expect(errorCode(selfPromotion)).toBe('FORBIDDEN');
    const ORG = `query ($slug: String!) { organization(slug: $slug) { programs { totalCount } } }`;
    const [{ slug }] = await system.db.query(`SELECT slug FROM organizations`);
    expect((await system.gql(ORG, { slug }, member.token)).data.organization.programs.totalCount).toBe(1);
    const moved = await system.gql(
      UPDATE_PROGRAM,
      { id: program.programId, input: { ...input, organizationId: '00000000-0000-4000-8000-000000000000' } },
      program.admin.token,
    );
    expect([errorCode(moved), field(moved)]).toEqual(['BAD_USER_INPUT', 'input.organizationId']);
    const updated = await system.gql(UPDATE_PROGRAM, { id: program.programId, input }, program.admin.token);
    expect(updated.data.updateProgram).toMatchObject({ name: 'Renamed', maxMenteesPerMentor: 3 });

    expect((await system.gql(CLOSE, { id: program.programId }, program.admin.token)).data.closeProgram.status).toBe(
      'CLOSED',
    );
    expect(errorCode(await system.gql(OPEN, { id: program.programId }, program.admin.token))).toBe('CONFLICT');
    const log = await system.db.query(
      `SELECT actor_id AS "actorId", from_status AS "from", to_status AS "to" FROM program_transitions ORDER BY id`,
    );
    expect(log).toEqual([
      { actorId: program.admin.userId, from: null, to: 'DRAFT' },
      { actorId: program.admin.userId, from: 'DRAFT', to: 'ENROLLING' },
      { actorId: program.admin.userId, from: 'ENROLLING', to: 'CLOSED' },
    ]);
    const events = await system.db.query(
      `SELECT count(*)::int AS count FROM outbox_events WHERE type = 'program.transitioned'`,
    );
    expect(events[0].count).toBe(3);
    const closed = await system.gql(ENROLL, { input: enrollmentInput(program, 'MENTOR') }, stranger.token);
    expect(errorCode(closed)).toBe('CONFLICT');
  });

  it('hides a draft program from the invite path and refuses a wrong code as not found', async () => {
    const program = await openProgram(system);
    const draft = await system.gql(
      CREATE_PROGRAM,
      { input: programInput(program.organizationId) },
      program.admin.token,
    );
    expect(draft.data.createProgram).toMatchObject({ status: 'DRAFT', inviteCode: null });
    const user = await signUpUser(system);
    const intoDraft = enrollmentInput(
      { programId: draft.data.createProgram.id, inviteCode: program.inviteCode },
      'MENTEE',
    );
    expect(errorCode(await system.gql(ENROLL, { input: intoDraft }, user.token))).toBe('NOT_FOUND');
    const wrong = enrollmentInput({ ...program, inviteCode: 'WRONGCODE234' }, 'MENTEE');
    expect(errorCode(await system.gql(ENROLL, { input: wrong }, user.token))).toBe('NOT_FOUND');
    const [{ count }] = await system.db.query(`SELECT count(*)::int AS count FROM enrollments`);
    expect(count).toBe(0);
  });

  it.each([
    ['no goals', { goals: [] }, 'input.goals'],
    ['no skills', { skills: [] }, 'input.skills'],
    ['21 skills', { skills: Array.from({ length: 21 }, (_, i) => `skill ${i}`) }, 'input.skills'],
    ['unknown industry', { industries: ['underwater-basketry'] }, 'input.industries[0]'],
    ['unknown language', { languages: ['en', 'xx'] }, 'input.languages[1]'],
    ['no language', { languages: [] }, 'input.languages'],
    ['time zone', { timeZone: 'Mars/Olympus' }, 'input.timeZone'],
    ['hours per month', { hoursPerMonth: 41 }, 'input.hoursPerMonth'],
  ])('refuses an intake with %s, naming the field', async (_name, override, path) => {
    const program = await openProgram(system);
    const user = await signUpUser(system);
    const res = await system.gql(ENROLL, { input: enrollmentInput(program, 'MENTEE', override) }, user.token);
    expect([errorCode(res), field(res)]).toEqual(['BAD_USER_INPUT', path]);
    const [{ count }] = await system.db.query(`SELECT count(*)::int AS count FROM enrollments`);
    expect(count).toBe(0);
  });

  it('enrols a user once even when ten tries race, folds skills, and lets them withdraw for good', async () => {
    const program = await openProgram(system);
    const user = await signUpUser(system);
    const input = enrollmentInput(program, 'MENTOR', { skills: ['TypeScript', 'typescript ', 'System Design'] });
    const results = await Promise.all(Array.from({ length: 10 }, () => system.gql(ENROLL, { input }, user.token)));
    expect(results.filter((res) => res.data?.enrollInProgram).length).toBe(1);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT').length).toBe(9);
    const [row] = await system.db.query(
      `SELECT array_length(skill_ids, 1) AS skills, role FROM enrollments WHERE user_id = $1`,
      [user.userId],
    );
    expect(row).toEqual({ skills: 2, role: 'MENTOR' });

    const withdrawn = await system.gql(WITHDRAW, { id: program.programId }, user.token);
    expect(withdrawn.data.withdrawEnrollment.withdrawnAt).toEqual(expect.any(String));
    expect(errorCode(await system.gql(WITHDRAW, { id: program.programId }, user.token))).toBe('CONFLICT');
    expect(errorCode(await system.gql(ENROLL, { input }, user.token))).toBe('CONFLICT');
    const stranger = await signUpUser(system);
    expect(errorCode(await system.gql(WITHDRAW, { id: program.programId }, stranger.token))).toBe('NOT_FOUND');
  });
});
