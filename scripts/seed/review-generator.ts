import type { Prng } from './prng.js';

/** One past mentee's review of a seeded mentor. */
export interface SeedReview {
  rating: number;
  comment: string | null;
  daysAgo: number;
}

/** Only the first mentors of a seed get a review history: enough for rating sort and filters to show something. */
export const REVIEWED_MENTORS = 500;
const MAX_REVIEWS = 24;

const COMMENTS: Readonly<Record<number, readonly string[]>> = {
  5: [
    'Every session left me with a concrete next step. I got the promotion I was aiming for.',
    'Generous with time and honest about what did not work for them. Highly recommended.',
    'Asked the questions I was avoiding. The best hour of my fortnight.',
  ],
  4: [
    'Very helpful on career strategy; a little less on the technical detail I hoped for.',
    'Good structure and homework. Sessions sometimes ran over, but always worth it.',
  ],
  3: ['Friendly and knowledgeable, but our goals drifted and we never quite got back on track.'],
  2: ['Hard to schedule, and the advice felt generic for my situation.'],
  1: ['Missed two sessions without notice.'],
};

/**
 * A mentor's review history: a quality of their own plus per-review noise, so most
 * mentors sit around 4–5 stars with the odd poor review, and a few are weaker. Most
 * have a handful of reviews, a few have many.
 */
export function generateReviews(prng: Prng, maxAuthors: number): SeedReview[] {
  const count = Math.min(maxAuthors, Math.floor(prng.next() ** 2 * (MAX_REVIEWS + 1)));
  const quality = 3.2 + prng.next() * 1.8;
  return Array.from({ length: count }, () => {
    const rating = Math.max(1, Math.min(5, Math.round(quality + (prng.next() - 0.5) * 2.4)));
    return {
      rating,
      comment: prng.chance(0.8) ? prng.pick(COMMENTS[rating] ?? []) : null,
      daysAgo: prng.int(1, 700),
    };
  });
}

/** The stored rating of a profile with these (published) reviews, as the worker would compute it. */
export function ratingColumns(reviews: readonly SeedReview[]): {
  rating_count: number;
  rating_sum: number;
  rating_distribution: number[];
} {
  const distribution = [1, 2, 3, 4, 5].map((stars) => reviews.filter((review) => review.rating === stars).length);
  return {
    rating_count: reviews.length,
    rating_sum: reviews.reduce((sum, review) => sum + review.rating, 0),
    rating_distribution: distribution,
  };
}
