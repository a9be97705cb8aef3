/**
 * Every mentor starts as if they had PRIOR_WEIGHT reviews of PRIOR_MEAN stars, so a
 * single 5-star review (score 4.17) does not beat fifty 4.8s (4.73).
 */
export const PRIOR_MEAN = 4;
export const PRIOR_WEIGHT = 5;

export function bayesianRating(ratingSum: number, ratingCount: number): number {
  return (PRIOR_MEAN * PRIOR_WEIGHT + ratingSum) / (PRIOR_WEIGHT + ratingCount);
}

export function averageRating(ratingSum: number, ratingCount: number): number | null {
  return ratingCount === 0 ? null : ratingSum / ratingCount;
}
