import { AccountRolesService } from '@app/domain';
import {
  errorCode,
  mentorshipBetween,
  publishedMentor,
  signUpUser,
  submitReview,
  type TestMentor,
  type TestUser,
} from '@app/testing';
import { runAdminCommand } from '../../scripts/admin/admin-command.js';
import { SEARCH } from '../search/search-fixtures.js';
import { startTestSystem, type TestSystem } from '../support/test-system.js';

const REPORT = `mutation ($id: ID!, $reason: String!) { reportReview(id: $id, reason: $reason) }`;
const HIDE = `mutation ($id: ID!, $reason: String!) { hideReview(id: $id, reason: $reason) { id visibility } }`;
const RESTORE = `mutation ($id: ID!, $reason: String!) { restoreReview(id: $id, reason: $reason) { id visibility } }`;
const QUEUE = `query ($first: Int, $after: String) {
  moderationQueue(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id rating reportCount visibility } }
  }
}`;
const MENTOR = `query ($id: ID!) {
  mentor(id: $id) { rating { average count distribution } }
  reviews(mentorId: $id) { totalCount edges { node { id reportCount } } }
}`;
const ME = `query { me { id role } }`;

describe('reports and moderation', () => {
  let system: TestSystem;
  let mentor: TestMentor;
  let admin: TestUser;
  let low: { id: string; author: TestUser };
  let high: { id: string; author: TestUser };

  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(async () => {
    await system.reset();
    mentor = await publishedMentor(system);
    admin = await signUpUser(system, 'Ada Admin');
    const roles = system.api.get(AccountRolesService);
    expect(await runAdminCommand(['grant', admin.email], roles)).toEqual({
      code: 0,
      message: `${admin.email} is now ADMIN`,
    });
    const reviewed = async (rating: number) => {
      const pair = await mentorshipBetween(system, { mentor, complete: true });
      const review = await submitReview(system, pair.mentee.token, pair.mentorshipId, rating, `Rated ${rating}`);
      await submitReview(system, mentor.token, pair.mentorshipId, 5);
      return { id: review.id, author: pair.mentee };
    };
    low = await reviewed(1);
    high = await reviewed(5);
    await system.settle();
  });
  afterAll(() => system.close());

  const rating = async () => (await system.gql(MENTOR, { id: mentor.profileId })).data.mentor.rating;
  const report = (token: string, id: string, reason = 'Abusive language') => system.gql(REPORT, { id, reason }, token);
  const ratedAtLeast = async (minRating: number) =>
    (await system.gql(SEARCH, { filter: { minRating } })).data.searchMentors.edges.map(
      (edge: { node: { id: string } }) => edge.node.id,
    );

  it('the admin CLI grants and revokes the role, and refuses what it cannot do', async () => {
    const roles = system.api.get(AccountRolesService);
    expect((await system.gql(ME, {}, admin.token)).data.me.role).toBe('ADMIN');
    expect(await runAdminCommand(['grant', 'nobody@example.com'], roles)).toMatchObject({ code: 1 });
    expect(await runAdminCommand(['promote', admin.email], roles)).toMatchObject({ code: 2 });
    expect(await runAdminCommand(['revoke', admin.email], roles)).toMatchObject({ code: 0 });
    expect((await system.gql(ME, {}, admin.token)).data.me.role).toBe('MEMBER');
    expect(errorCode(await system.gql(QUEUE, {}, admin.token))).toBe('FORBIDDEN');
  });

  it('takes reports once per person, from people who can see the review', async () => {
    const reporter = await signUpUser(system, 'Rita Reporter');
    const short = await report(reporter.token, low.id, 'no');
    expect(errorCode(short)).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0]?.extensions?.field).toBe('reason');
    expect(errorCode(await report(reporter.token, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
    expect(errorCode(await report(low.author.token, low.id))).toBe('FORBIDDEN');
    expect(errorCode(await system.gql(REPORT, { id: low.id, reason: 'Spam' }))).toBe('UNAUTHENTICATED');

    const twice = await Promise.all([report(reporter.token, low.id), report(reporter.token, low.id)]);
    expect(twice.filter((res) => res.data?.reportReview === true)).toHaveLength(1);
    expect(twice.filter((res) => errorCode(res) === 'CONFLICT')).toHaveLength(1);

    // A blind review, and a mentor's private feedback, do not exist for a stranger.
    const pending = await mentorshipBetween(system, { mentor, complete: true });
    const blind = await submitReview(system, pending.mentee.token, pending.mentorshipId, 2);
    expect(errorCode(await report(reporter.token, blind.id))).toBe('NOT_FOUND');
    const feedback = await submitReview(system, mentor.token, pending.mentorshipId, 4);
    expect(errorCode(await report(reporter.token, feedback.id))).toBe('NOT_FOUND');
    expect((await report(pending.mentee.token, feedback.id)).data.reportReview).toBe(true);
  });

  it('shows admins a queue by report count and age; hiding leaves every aggregate and search, restoring returns', async () => {
    const [r1, r2] = [await signUpUser(system, 'R One'), await signUpUser(system, 'R Two')];
    await report(r1.token, high.id, 'Looks like a fake review');
    await report(r1.token, low.id);
    await report(r2.token, low.id);

    expect(errorCode(await system.gql(QUEUE, {}, r1.token))).toBe('FORBIDDEN');
    const firstPage = (await system.gql(QUEUE, { first: 1 }, admin.token)).data.moderationQueue;
    expect(firstPage).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect(firstPage.edges[0].node).toEqual({ id: low.id, rating: 1, reportCount: 2, visibility: 'PUBLISHED' });
    const secondPage = (await system.gql(QUEUE, { first: 1, after: firstPage.pageInfo.endCursor }, admin.token)).data
      .moderationQueue;
    expect(secondPage.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([high.id]);
    expect(secondPage.pageInfo.hasNextPage).toBe(false);
    // Report counts are for administrators' eyes only.
    const publicList = (await system.gql(MENTOR, { id: mentor.profileId }, r1.token)).data.reviews;
    expect(publicList.edges.map((e: { node: { reportCount: number | null } }) => e.node.reportCount)).toEqual([
      null,
      null,
    ]);

    expect(await rating()).toEqual({ average: 3, count: 2, distribution: [1, 0, 0, 0, 1] });
    expect(await ratedAtLeast(4.5)).toEqual([]);

    expect(errorCode(await system.gql(HIDE, { id: low.id, reason: 'Abusive' }, r1.token))).toBe('FORBIDDEN');
    const noReason = await system.gql(HIDE, { id: low.id, reason: ' ' }, admin.token);
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors?.[0]?.extensions?.field).toBe('reason');
    expect(errorCode(await system.gql(HIDE, { id: 'nope', reason: 'Abusive' }, admin.token))).toBe('NOT_FOUND');
    const hidden = await system.gql(HIDE, { id: low.id, reason: 'Abusive language' }, admin.token);
    expect(hidden.data.hideReview).toEqual({ id: low.id, visibility: 'HIDDEN' });
    expect(errorCode(await system.gql(HIDE, { id: low.id, reason: 'Again' }, admin.token))).toBe('CONFLICT');
    await system.settle();

    expect(await rating()).toEqual({ average: 5, count: 1, distribution: [0, 0, 0, 0, 1] });
    expect((await system.gql(MENTOR, { id: mentor.profileId })).data.reviews.totalCount).toBe(1);
    expect(await ratedAtLeast(4.5)).toEqual([mentor.profileId]);
    const queue = (await system.gql(QUEUE, {}, admin.token)).data.moderationQueue;
    expect(queue.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([high.id]);
    const [audit] = await system.db.query(
      `SELECT actor_id AS "actorId", from_status AS "from", to_status AS "to", reason FROM review_transitions
        WHERE review_id = $1 ORDER BY id DESC LIMIT 1`,
      [low.id],
    );
    expect(audit).toEqual({ actorId: admin.userId, from: 'PUBLISHED', to: 'HIDDEN', reason: 'Abusive language' });
    const told = await system.db.query(`SELECT user_id AS "userId" FROM notifications WHERE type = 'REVIEW_MODERATED'`);
    expect(told).toEqual([{ userId: low.author.userId }]);

    const restored = await system.gql(RESTORE, { id: low.id, reason: 'Appeal upheld' }, admin.token);
    expect(restored.data.restoreReview.visibility).toBe('PUBLISHED');
    expect(errorCode(await system.gql(RESTORE, { id: low.id, reason: 'Again' }, admin.token))).toBe('CONFLICT');
    await system.settle();
    expect(await rating()).toEqual({ average: 3, count: 2, distribution: [1, 0, 0, 0, 1] });
    expect(await ratedAtLeast(4.5)).toEqual([]);
  });

  it('refuses to hide a review that is still blind', async () => {
    const pending = await mentorshipBetween(system, { mentor, complete: true });
    const blind = await submitReview(system, pending.mentee.token, pending.mentorshipId, 2);
    expect(errorCode(await system.gql(HIDE, { id: blind.id, reason: 'Too early' }, admin.token))).toBe('CONFLICT');
  });
});
