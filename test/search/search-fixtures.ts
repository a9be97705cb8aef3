import type { TestSystem } from '@app/testing';

let counter = 0;

export async function signUp(
  system: TestSystem,
  timeZone = 'Europe/Berlin',
): Promise<{ token: string; userId: string }> {
  counter += 1;
  const res = await system.gql(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`,
    {
      input: {
        email: `search${counter}-${Date.now()}@example.com`,
        password: 'correct horse battery',
        displayName: `Searcher ${counter}`,
        timeZone,
      },
    },
  );
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return { token: res.data.signUp.accessToken, userId: res.data.signUp.user.id };
}

export function mentorInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
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

export const UPSERT_MENTOR = `mutation ($input: MentorProfileInput!) { upsertMentorProfile(input: $input) { id } }`;
export const PUBLISH_MENTOR = `mutation { publishMentorProfile { id status } }`;
export const PAUSE_MENTOR = `mutation { pauseMentorProfile { id status } }`;

export interface Mentor {
  token: string;
  profileId: string;
}

/** A mentor through the public mutations: signed up, profile saved, published unless asked not to. */
export async function createMentor(
  system: TestSystem,
  overrides: Record<string, unknown> = {},
  publish = true,
): Promise<Mentor> {
  const { token } = await signUp(system);
  const saved = await system.gql(UPSERT_MENTOR, { input: mentorInput(overrides) }, token);
  if (!saved.data) throw new Error(JSON.stringify(saved.errors));
  if (publish) {
    const published = await system.gql(PUBLISH_MENTOR, {}, token);
    if (!published.data) throw new Error(JSON.stringify(published.errors));
  }
  return { token, profileId: saved.data.upsertMentorProfile.id };
}

export const SEARCH = `query ($query: String, $filter: MentorFilter, $sort: MentorSort, $first: Int, $after: String) {
  searchMentors(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
    edges { cursor highlights node { id headline status acceptingRequests } }
    pageInfo { hasNextPage endCursor }
    totalCount
    tookMs
    facets { industries { value count } skills { value count } languages { value count } formats { value count } priceBands { value count } }
  }
}`;

export async function searchIds(system: TestSystem, variables: Record<string, unknown>): Promise<string[]> {
  const res = await system.gql(SEARCH, variables);
  if (!res.data) throw new Error(JSON.stringify(res.errors));
  return res.data.searchMentors.edges.map((edge: { node: { id: string } }) => edge.node.id);
}
