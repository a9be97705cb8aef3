import type { GraphQLResponse } from '../graphql-client.js';
import type { GraphQLCaller } from '../graphql-client.js';

export const REQUEST_FIELDS = `
  id status motivation format cadence channel durationWeeks topics confidentialityNote
  createdAt expiresAt respondedAt declineReason responseMessage
  goals { id title successCriteria targetDate progress updatedAt }
  mentee { id displayName }
  mentor { id user { id } }
  mentorship { id status }
`;

export const MENTORSHIP_FIELDS = `
  id status format cadence channel startedAt endsOn endedAt endReason
  goals { id title progress }
  mentee { id } mentor { id } request { id status }
`;

export const SEND_REQUEST = `mutation ($input: MentorshipRequestInput!) {
  sendMentorshipRequest(input: $input) { ${REQUEST_FIELDS} }
}`;
export const ACCEPT_REQUEST = `mutation ($id: ID!, $message: String) {
  acceptMentorshipRequest(id: $id, message: $message) { ${MENTORSHIP_FIELDS} }
}`;
export const DECLINE_REQUEST = `mutation ($id: ID!, $reason: DeclineReason!, $message: String) {
  declineMentorshipRequest(id: $id, reason: $reason, message: $message) { ${REQUEST_FIELDS} }
}`;
export const WITHDRAW_REQUEST = `mutation ($id: ID!) { withdrawMentorshipRequest(id: $id) { ${REQUEST_FIELDS} } }`;
export const REQUEST_BY_ID = `query ($id: ID!) { mentorshipRequest(id: $id) { ${REQUEST_FIELDS} } }`;

/** A valid request input to the given mentor profile; override any field. */
export function requestInput(mentorId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    mentorId,
    goals: [
      { title: 'Lead my first team', successCriteria: 'Run planning for a quarter', targetDate: '2027-03-01' },
      { title: 'Design a service end to end' },
    ],
    motivation: 'You have led teams through the same growth I am facing, and your talks on design helped me a lot.',
    format: 'ONE_ON_ONE',
    cadence: 'BIWEEKLY',
    channel: 'VIDEO',
    durationWeeks: 12,
    topics: ['leadership', 'architecture'],
    confidentialityNote: 'Please keep my employer private',
    ...overrides,
  };
}

/** Sends a request and returns its id, failing loudly if it was refused. */
export async function sendRequest(
  system: GraphQLCaller,
  token: string,
  mentorId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const res: GraphQLResponse = await system.gql(SEND_REQUEST, { input: requestInput(mentorId, overrides) }, token);
  if (!res.data) throw new Error(`sendMentorshipRequest failed: ${JSON.stringify(res.errors)}`);
  return (res.data.sendMentorshipRequest as { id: string }).id;
}
