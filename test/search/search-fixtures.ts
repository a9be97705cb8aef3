import { mentorProfileInput, signUpUser, type TestUser } from '@app/testing';
import { type TestSystem } from '../support/test-system.js';

/** A user signed up through the API, in the given time zone. */
export function signUp(system: TestSystem, timeZone = 'Europe/Berlin'): Promise<TestUser> {
  return signUpUser(system, 'Searcher', timeZone);
}

export const mentorInput = mentorProfileInput;

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
