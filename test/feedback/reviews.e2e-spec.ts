import {
  errorCode,
  mentorshipBetween,
  REVIEW_FIELDS,
  signUpUser,
  submitReview,
  SUBMIT_REVIEW,
  type ReviewedPair,
  type TestUser,
} from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const EDIT = `mutation ($id: ID!, $rating: Int!, $comment: String) {
  editReview(id: $id, rating: $rating, comment: $comment) { ${REVIEW_FIELDS} }
}`;
const RESPOND = `mutation ($id: ID!, $response: String!) { respondToReview(id: $id, response: $response) { ${REVIEW_FIELDS} } }`;
const MENTORSHIP_REVIEWS = `query ($id: ID!) {
  mentorship(id: $id) { myReview { id visibility rating comment } reviews { id visibility author { id } } }
}`;
const MENTOR_REVIEWS = `query ($mentorId: ID!) {
  reviews(mentorId: $mentorId) { totalCount edges { node { id rating comment response author { id } } } }
  mentor(id: $mentorId) { rating { average count distribution } reviews(first: 5) { totalCount edges { node { id } } } }
}`;

describe('reviews', () => {
  let system: TestSystem;
  let pair: ReviewedPair;
  let stranger: TestUser;

  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(async () => {
    await system.reset();
    pair = await mentorshipBetween(system);
    stranger = await signUpUser(system, 'Eve Stranger');
  });
  afterAll(() => system.close());

  const complete = () =>
    system.gql(
      `mutation ($id: ID!) { completeMentorship(id: $id) { id } }`,
      { id: pair.mentorshipId },
      pair.mentor.token,
    );
  const submit = (token: string, input: Record<string, unknown>) =>
    system.gql(SUBMIT_REVIEW, { input: { mentorshipId: pair.mentorshipId, rating: 5, ...input } }, token);
  const reviewCount = async () => (await system.db.query(`SELECT count(*)::int AS n FROM reviews`))[0].n;

  it('refuses strangers with NOT_FOUND and participants of an unfinished mentorship with CONFLICT', async () => {
    expect(errorCode(await submit(stranger.token, {}))).toBe('NOT_FOUND');
    expect(errorCode(await submit(stranger.token, { mentorshipId: 'nope' }))).toBe('NOT_FOUND');
    expect(errorCode(await submit(pair.mentee.token, {}))).toBe('CONFLICT');
    expect(errorCode(await submit(pair.mentor.token, {}))).toBe('CONFLICT');
    await complete();
    expect(errorCode(await submit(stranger.token, {}))).toBe('NOT_FOUND');
    expect(await reviewCount()).toBe(0);
  });

  it('refuses bad input naming the field, and saves nothing', async () => {
    await complete();
    for (const [input, field] of [
      [{ rating: 0 }, 'input.rating'],
      [{ rating: 6 }, 'input.rating'],
      [{ comment: 'x'.repeat(2001) }, 'input.comment'],
    ] as const) {
      const res = await submit(pair.mentee.token, input);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
    }
    expect(await reviewCount()).toBe(0);
    const unauthenticated = await system.gql(SUBMIT_REVIEW, { input: { mentorshipId: pair.mentorshipId, rating: 5 } });
    expect(errorCode(unauthenticated)).toBe('UNAUTHENTICATED');
  });

  it('keeps a review blind until the other side reviews, then reveals both', async () => {
    await complete();
    const mine = await submitReview(system, pair.mentee.token, pair.mentorshipId, 4, 'Clear and kind advice');
    expect(mine).toMatchObject({ visibility: 'PENDING_REVEAL', revealedAt: null, rating: 4 });

    // Only its author sees it, and may edit it while it is blind.
    const asMentee = (await system.gql(MENTORSHIP_REVIEWS, { id: pair.mentorshipId }, pair.mentee.token)).data;
    expect(asMentee.mentorship).toEqual({
      myReview: { id: mine.id, visibility: 'PENDING_REVEAL', rating: 4, comment: 'Clear and kind advice' },
      reviews: [],
    });
    const asMentor = (await system.gql(MENTORSHIP_REVIEWS, { id: pair.mentorshipId }, pair.mentor.token)).data;
    expect(asMentor.mentorship).toEqual({ myReview: null, reviews: [] });
    expect((await system.gql(MENTOR_REVIEWS, { mentorId: pair.mentor.profileId })).data.reviews.totalCount).toBe(0);
    expect(errorCode(await system.gql(EDIT, { id: mine.id, rating: 1 }, pair.mentor.token))).toBe('NOT_FOUND');
    expect(errorCode(await system.gql(EDIT, { id: mine.id, rating: 1 }, stranger.token))).toBe('NOT_FOUND');
    const badEdit = await system.gql(EDIT, { id: mine.id, rating: 9 }, pair.mentee.token);
    expect(errorCode(badEdit)).toBe('BAD_USER_INPUT');
    expect(badEdit.errors?.[0]?.extensions?.field).toBe('rating');
    const edited = await system.gql(EDIT, { id: mine.id, rating: 5, comment: 'Even better' }, pair.mentee.token);
    expect(edited.data.editReview).toMatchObject({ rating: 5, comment: 'Even better', visibility: 'PENDING_REVEAL' });
    expect(errorCode(await submit(pair.mentee.token, { rating: 3 }))).toBe('CONFLICT');

    // The mentor's private feedback reveals both.
    const theirs = await submitReview(system, pair.mentor.token, pair.mentorshipId, 5, 'A pleasure to mentor');
    expect(theirs.visibility).toBe('PUBLISHED');
    for (const token of [pair.mentee.token, pair.mentor.token]) {
      const seen = (await system.gql(MENTORSHIP_REVIEWS, { id: pair.mentorshipId }, token)).data.mentorship;
      expect(seen.reviews.map((r: { id: string }) => r.id).sort()).toEqual([mine.id, theirs.id].sort());
      expect(seen.reviews.every((r: { visibility: string }) => r.visibility === 'PUBLISHED')).toBe(true);
    }
    // Once revealed, it stands.
    expect(errorCode(await system.gql(EDIT, { id: mine.id, rating: 1 }, pair.mentee.token))).toBe('CONFLICT');
    expect(errorCode(await system.gql(EDIT, { id: theirs.id, rating: 1 }, pair.mentee.token))).toBe('FORBIDDEN');

    // Publicly, only the mentee's review of the mentor shows; the mentor's feedback stays between the two.
    await system.settle();
    const pub = (await system.gql(MENTOR_REVIEWS, { mentorId: pair.mentor.profileId })).data;
    expect(pub.reviews.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([mine.id]);
    expect(pub.mentor.reviews.totalCount).toBe(1);
    expect(pub.mentor.rating).toEqual({ average: 5, count: 1, distribution: [0, 0, 0, 0, 1] });
    expect(errorCode(await system.gql(EDIT, { id: theirs.id, rating: 1 }, stranger.token))).toBe('NOT_FOUND');

    const transitions = await system.db.query(
      `SELECT actor_id AS "actorId", from_status AS "from", to_status AS "to", reason FROM review_transitions
        WHERE review_id = $1 ORDER BY id`,
      [mine.id],
    );
    expect(transitions).toEqual([
      { actorId: pair.mentee.userId, from: null, to: 'PENDING_REVEAL', reason: null },
      { actorId: null, from: 'PENDING_REVEAL', to: 'PUBLISHED', reason: 'both sides reviewed' },
    ]);
  });

  it('keeps one review per author when the same author submits in parallel', async () => {
    await complete();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => submit(pair.mentee.token, { rating: (i % 5) + 1 })),
    );
    expect(results.filter((res) => res.data?.submitReview)).toHaveLength(1);
    expect(results.filter((res) => errorCode(res) === 'CONFLICT')).toHaveLength(11);
    expect(await reviewCount()).toBe(1);
  });

  it('reveals both when the two sides submit at the same moment', async () => {
    await complete();
    await Promise.all([
      submitReview(system, pair.mentee.token, pair.mentorshipId, 4),
      submitReview(system, pair.mentor.token, pair.mentorshipId, 5),
    ]);
    const rows = await system.db.query(`SELECT visibility FROM reviews`);
    expect(rows).toEqual([{ visibility: 'PUBLISHED' }, { visibility: 'PUBLISHED' }]);
  });

  it('lets the reviewed mentor respond once, publicly, and nobody else', async () => {
    await complete();
    const review = await submitReview(system, pair.mentee.token, pair.mentorshipId, 3, 'Sessions often ran late');
    // Blind: the mentor cannot see it yet, so cannot answer it.
    expect(errorCode(await system.gql(RESPOND, { id: review.id, response: 'Sorry' }, pair.mentor.token))).toBe(
      'NOT_FOUND',
    );
    const feedback = await submitReview(system, pair.mentor.token, pair.mentorshipId, 5);
    const empty = await system.gql(RESPOND, { id: review.id, response: '  ' }, pair.mentor.token);
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0]?.extensions?.field).toBe('response');
    expect(errorCode(await system.gql(RESPOND, { id: review.id, response: 'Me too' }, pair.mentee.token))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await system.gql(RESPOND, { id: review.id, response: 'Hi' }, stranger.token))).toBe('FORBIDDEN');
    // The mentor's private feedback is not a public review to answer.
    expect(errorCode(await system.gql(RESPOND, { id: feedback.id, response: 'Thanks' }, pair.mentee.token))).toBe(
      'FORBIDDEN',
    );
    const answers = await Promise.all(
      ['Fair point, I now keep time', 'Second answer'].map((response) =>
        system.gql(RESPOND, { id: review.id, response }, pair.mentor.token),
      ),
    );
    expect(answers.filter((res) => res.data?.respondToReview)).toHaveLength(1);
    expect(answers.filter((res) => errorCode(res) === 'CONFLICT')).toHaveLength(1);
    const pub = (await system.gql(MENTOR_REVIEWS, { mentorId: pair.mentor.profileId })).data;
    expect(pub.reviews.edges[0].node.response).toMatch(/^(Fair point, I now keep time|Second answer)$/);
  });
});
