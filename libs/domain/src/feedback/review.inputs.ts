import { z } from 'zod';

const rating = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');
const comment = z.string().trim().max(2000, 'must be at most 2000 characters').nullish();

export const submitReviewSchema = z.object({ mentorshipId: z.string(), rating, comment });
export type SubmitReviewInput = z.input<typeof submitReviewSchema>;

export const editReviewSchema = z.object({ rating, comment });
export const responseSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(2000, 'must be at most 2000 characters');
export const reportReasonSchema = z
  .string()
  .trim()
  .min(3, 'must be 3 to 1000 characters')
  .max(1000, 'must be 3 to 1000 characters');
export const moderationReasonSchema = z
  .string()
  .trim()
  .min(3, 'must be 3 to 2000 characters')
  .max(2000, 'must be 3 to 2000 characters');
