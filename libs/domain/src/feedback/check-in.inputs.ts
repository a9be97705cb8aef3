import { z } from 'zod';

export const checkInSchema = z.object({
  sessionId: z.string(),
  usefulness: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5'),
  note: z.string().trim().max(2000, 'must be at most 2000 characters').nullish(),
  nextSteps: z.string().trim().max(1000, 'must be at most 1000 characters').nullish(),
  goalProgress: z
    .array(
      z.object({
        goalId: z.string(),
        progress: z.number().int().min(0, 'must be 0 to 100').max(100, 'must be 0 to 100'),
      }),
    )
    .max(20, 'at most 20 goals')
    .nullish(),
});
export type CheckInInput = z.input<typeof checkInSchema>;
