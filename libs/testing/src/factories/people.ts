import type { GraphQLCaller } from '../graphql-client.js';

export interface TestUser {
  token: string;
  userId: string;
  email: string;
}

export interface TestMentor extends TestUser {
  profileId: string;
}

let counter = 0;

/** Signs a user up through the public API. */
export async function signUpUser(
  system: GraphQLCaller,
  displayName = 'Test User',
  timeZone = 'Europe/Berlin',
): Promise<TestUser> {
  counter += 1;
  const email = `person${counter}-${process.pid}-${Date.now()}@example.com`;
  const res = await system.gql(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`,
    { input: { email, password: 'correct horse battery', displayName, timeZone } },
  );
  if (!res.data) throw new Error(`sign-up failed: ${JSON.stringify(res.errors)}`);
  return { token: res.data.signUp.accessToken, userId: res.data.signUp.user.id, email };
}

/** A complete, valid MentorProfileInput; tests override what they are about. */
export function mentorProfileInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    headline: 'Staff engineer helping people grow into tech leads',
    bio: 'Fifteen years building distributed systems; I mentor engineers on design, careers and leading teams.',
    industries: ['technology'],
    skills: ['TypeScript'],
    yearsOfExperience: 15,
    languages: ['en'],
    timeZone: 'Europe/Berlin',
    formats: ['ONE_ON_ONE'],
    sessionLengths: [60],
    price: null,
    maxActiveMentees: 5,
    currentRole: 'Staff Engineer',
    company: 'Acme',
    countryCode: 'DE',
    ...overrides,
  };
}

/** A mentor with a PUBLISHED profile, made through upsertMentorProfile + publishMentorProfile. */
export async function publishedMentor(
  system: GraphQLCaller,
  options: { displayName?: string; timeZone?: string; maxActiveMentees?: number; formats?: string[] } = {},
): Promise<TestMentor> {
  const user = await signUpUser(system, options.displayName ?? 'Grace Mentor', options.timeZone ?? 'Europe/Berlin');
  const upsert = await system.gql(
    `mutation ($input: MentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`,
    {
      input: mentorProfileInput({
        timeZone: options.timeZone ?? 'Europe/Berlin',
        formats: options.formats ?? ['ONE_ON_ONE', 'GROUP'],
        sessionLengths: [30, 60],
        maxActiveMentees: options.maxActiveMentees ?? 3,
      }),
    },
    user.token,
  );
  if (!upsert.data) throw new Error(`upsertMentorProfile failed: ${JSON.stringify(upsert.errors)}`);
  const publish = await system.gql(`mutation { publishMentorProfile { id status } }`, {}, user.token);
  if (publish.data?.publishMentorProfile?.status !== 'PUBLISHED') {
    throw new Error(`publishMentorProfile failed: ${JSON.stringify(publish.errors)}`);
  }
  return { ...user, profileId: upsert.data.upsertMentorProfile.id };
}
