import type { GraphQLCaller } from '../graphql-client.js';
import { ACCEPT_REQUEST, sendRequest } from './mentorship-requests.js';
import { publishedMentor, signUpUser, type TestMentor, type TestUser } from './people.js';

export const REVIEW_FIELDS = `id rating comment response visibility createdAt revealedAt reportCount
  author { id } subject { id }`;

export const SUBMIT_REVIEW = `mutation ($input: ReviewInput!) { submitReview(input: $input) { ${REVIEW_FIELDS} } }`;

export interface ReviewedPair {
  mentor: TestMentor;
  mentee: TestUser;
  mentorshipId: string;
}

/** A mentee and a mentor whose accepted mentorship is ACTIVE (pass `complete` to finish it). */
export async function mentorshipBetween(
  system: GraphQLCaller,
  options: { mentor?: TestMentor; complete?: boolean } = {},
): Promise<ReviewedPair> {
  const mentor = options.mentor ?? (await publishedMentor(system));
  const mentee = await signUpUser(system, 'Ada Mentee');
  const requestId = await sendRequest(system, mentee.token, mentor.profileId);
  const accepted = await system.gql(ACCEPT_REQUEST, { id: requestId }, mentor.token);
  if (!accepted.data) throw new Error(`acceptMentorshipRequest failed: ${JSON.stringify(accepted.errors)}`);
  const mentorshipId = (accepted.data.acceptMentorshipRequest as { id: string }).id;
  if (options.complete) {
    const done = await system.gql(
      `mutation ($id: ID!) { completeMentorship(id: $id) { id } }`,
      { id: mentorshipId },
      mentee.token,
    );
    if (!done.data) throw new Error(`completeMentorship failed: ${JSON.stringify(done.errors)}`);
  }
  return { mentor, mentee, mentorshipId };
}

/** Submits a review and returns it, failing loudly if it was refused. */
export async function submitReview(
  system: GraphQLCaller,
  token: string,
  mentorshipId: string,
  rating: number,
  comment: string | null = null,
): Promise<{ id: string; visibility: string }> {
  const res = await system.gql(SUBMIT_REVIEW, { input: { mentorshipId, rating, comment } }, token);
  if (!res.data) throw new Error(`submitReview failed: ${JSON.stringify(res.errors)}`);
  return res.data.submitReview as { id: string; visibility: string };
}
