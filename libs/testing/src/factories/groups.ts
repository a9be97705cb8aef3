import type { GraphQLCaller } from '../graphql-client.js';
import { requestInput } from './mentorship-requests.js';

export const GROUP_FIELDS = `
  id kind status title description capacity memberCount seatsLeft cadence channel startsOn endsOn
  sessionLengthMinutes industries { slug } topics { slug name } host { id user { id } } members { id }
`;

export const CREATE_GROUP = `mutation ($input: GroupInput!) { createGroup(input: $input) { ${GROUP_FIELDS} } }`;
export const UPDATE_GROUP = `mutation ($id: ID!, $input: GroupInput!) { updateGroup(id: $id, input: $input) { ${GROUP_FIELDS} } }`;
export const CLOSE_GROUP = `mutation ($id: ID!) { closeGroup(id: $id) { ${GROUP_FIELDS} } }`;
export const LEAVE_GROUP = `mutation ($id: ID!) { leaveGroup(id: $id) { ${GROUP_FIELDS} } }`;
export const GROUP_BY_ID = `query ($id: ID!) { group(id: $id) { ${GROUP_FIELDS} } }`;
/** Accepting a join request through the contract's mutation: the member's mentorship with the host, and its group. */
export const ACCEPT_JOIN = `mutation ($id: ID!, $message: String) {
  acceptMentorshipRequest(id: $id, message: $message) {
    id status format mentee { id } request { id status } goals { title } group { id memberCount status }
  }
}`;

/** A calendar date `days` from today (UTC). */
export function dateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A valid GroupInput; override any field. */
export function groupInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'GROUP',
    title: 'New tech leads cohort',
    description: 'Six engineers stepping into their first lead role meet every two weeks to work through real cases.',
    industries: ['technology'],
    topics: ['Leadership', 'System design'],
    capacity: 6,
    cadence: 'BIWEEKLY',
    channel: 'VIDEO',
    startsOn: dateIn(7),
    endsOn: dateIn(97),
    sessionLengthMinutes: 60,
    ...overrides,
  };
}

/** Creates a group as `token` and returns its id, failing loudly if it was refused. */
export async function createGroup(
  system: GraphQLCaller,
  token: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res = await system.gql(CREATE_GROUP, { input: groupInput(overrides) }, token);
  if (!res.data) throw new Error(`createGroup failed: ${JSON.stringify(res.errors)}`);
  return (res.data.createGroup as { id: string }).id;
}

/** A valid request to join a group hosted by the given mentor profile. */
export function joinInput(
  hostProfileId: string,
  groupId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return requestInput(hostProfileId, { groupId, format: 'GROUP', ...overrides });
}

export const BOOK_GROUP_SESSION = `mutation ($input: BookGroupSessionInput!) {
  bookGroupSession(input: $input) { id status startsAt endsAt host { id } participants { id } group { id } mentorship { id } }
}`;
