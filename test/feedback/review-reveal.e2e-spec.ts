import { ReviewsService } from '@app/domain';
import { JobScheduler, QUEUES, QueueRegistry } from '@app/platform';
import { activeMentorship, errorCode, SUBMIT_REVIEW, submitReview, type TestMentorship } from '@app/testing';
import { startTestSystem, type TestSystem } from '../support/test-system.js';
import { heldSession } from './feedback-fixtures.js';

const EDIT = `mutation ($id: ID!, $rating: Int!) { editReview(id: $id, rating: $rating) { visibility rating } }`;
const MY_REVIEW = `query ($id: ID!) { mentorship(id: $id) { myReview { id visibility revealedAt } reviews { id } } }`;

describe('review reveal on timeout', () => {
  let system: TestSystem;
  let pair: TestMentorship;

  beforeAll(async () => {
    system = await startTestSystem({ worker: true, indexer: true });
  });
  beforeEach(async () => {
    await system.reset();
    pair = await activeMentorship(system);
  });
  afterAll(() => system.close());

  const lifecycle = () => system.api.get(QueueRegistry).get(QUEUES.lifecycle);
  /** Moves a review's blind window into the past: time travel for the row, not for the clock. */
  const makeDue = (id: string) =>
    system.db.query(`UPDATE reviews SET reveal_due_at = now() - interval '1 second' WHERE id = $1`, [id]);
  const visibilityOf = async (id: string) =>
    (await system.db.query(`SELECT visibility FROM reviews WHERE id = $1`, [id]))[0].visibility;
  const notices = async (type: string) =>
    (
      await system.db.query<Array<{ userId: string }>>(
        `SELECT user_id AS "userId" FROM notifications WHERE type = $1`,
        [type],
      )
    ).map((row) => row.userId);

  it('lets participants review an ACTIVE mentorship once a session was held, not before', async () => {
    const early = await system.gql(SUBMIT_REVIEW, { input: { mentorshipId: pair.id, rating: 5 } }, pair.mentee.token);
    expect(errorCode(early)).toBe('CONFLICT');
    await heldSession(system, pair);
    expect((await submitReview(system, pair.mentee.token, pair.id, 5)).visibility).toBe('PENDING_REVEAL');
  });

  it('arms a timer for 14 days, reveals when it fires, and refuses edits from then on', async () => {
    await heldSession(system, pair);
    const review = await submitReview(system, pair.mentee.token, pair.id, 4, 'Solid guidance');
    await system.settle();
    // The reviewed mentor is nudged to write theirs, without seeing this one.
    expect(await notices('REVIEW_RECEIVED')).toEqual([pair.mentor.userId]);

    const timer = await lifecycle().getJob(`reveal-${review.id}`);
    expect(await timer!.getState()).toBe('delayed');
    const dueIn = timer!.timestamp + timer!.opts.delay! - Date.now();
    expect(Math.abs(dueIn - 14 * 86_400_000)).toBeLessThan(60_000);

    // An early run changes nothing: the window is still open.
    await system.api
      .get(JobScheduler)
      .once('review.reveal', { reviewId: review.id }, { delayMs: 0, jobId: `early-${review.id}` });
    await system.settle();
    expect(await visibilityOf(review.id)).toBe('PENDING_REVEAL');
    expect((await system.gql(EDIT, { id: review.id, rating: 5 }, pair.mentee.token)).data.editReview).toEqual({
      visibility: 'PENDING_REVEAL',
      rating: 5,
    });

    await makeDue(review.id);
    await timer!.promote();
    await system.settle();
    const mine = (await system.gql(MY_REVIEW, { id: pair.id }, pair.mentee.token)).data.mentorship;
    expect(mine.myReview).toMatchObject({ id: review.id, visibility: 'PUBLISHED' });
    expect(mine.myReview.revealedAt).not.toBeNull();
    expect((await system.gql(MY_REVIEW, { id: pair.id }, pair.mentor.token)).data.mentorship.reviews).toEqual([
      { id: review.id },
    ]);
    expect(errorCode(await system.gql(EDIT, { id: review.id, rating: 1 }, pair.mentee.token))).toBe('CONFLICT');
    expect(await notices('REVIEW_REVEALED')).toEqual([pair.mentor.userId]);
    const [transition] = await system.db.query(
      `SELECT actor_id AS "actorId", to_status AS "to", reason FROM review_transitions WHERE review_id = $1 AND from_status IS NOT NULL`,
      [review.id],
    );
    expect(transition).toEqual({ actorId: null, to: 'PUBLISHED', reason: 'the blind window closed' });

    // The other side reviewing late is revealed at once: the first review is already out.
    expect((await submitReview(system, pair.mentor.token, pair.id, 5)).visibility).toBe('PUBLISHED');
  });

  it('the sweep reveals what a lost timer missed, and only what is due; twice reveals once', async () => {
    await heldSession(system, pair);
    const lost = await submitReview(system, pair.mentee.token, pair.id, 4);
    const other = await activeMentorship(system, { mentor: pair.mentor });
    await heldSession(system, other, 1);
    const fresh = await submitReview(system, other.mentee.token, other.id, 3);
    await system.settle();
    await (await lifecycle().getJob(`reveal-${lost.id}`))!.remove();
    await makeDue(lost.id);

    await system.api.get(JobScheduler).once('review.reveal_sweep', {}, { delayMs: 0, jobId: `sweep-${Date.now()}` });
    await system.settle();
    expect(await visibilityOf(lost.id)).toBe('PUBLISHED');
    expect(await visibilityOf(fresh.id)).toBe('PENDING_REVEAL');

    await makeDue(fresh.id);
    const reviews = system.api.get(ReviewsService);
    const results = await Promise.all([reviews.reveal(fresh.id), reviews.reveal(fresh.id), reviews.revealOverdue()]);
    expect(results.filter((result) => result === true || result === 1)).toHaveLength(1);
    const [{ n }] = await system.db.query(
      `SELECT count(*)::int AS n FROM review_transitions WHERE review_id = $1 AND to_status = 'PUBLISHED'`,
      [fresh.id],
    );
    expect(n).toBe(1);
  });

  it('schedules the periodic reveal and health sweeps when the worker starts', async () => {
    const deadline = Date.now() + 5_000;
    let keys: string[] = [];
    while (
      !(keys.includes('review.reveal_sweep') && keys.includes('mentorship.health_sweep')) &&
      Date.now() < deadline
    ) {
      keys = (await lifecycle().getJobSchedulers()).map((scheduler) => scheduler.key);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(keys).toEqual(expect.arrayContaining(['review.reveal_sweep', 'mentorship.health_sweep']));
  });
});
