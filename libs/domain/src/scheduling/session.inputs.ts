import { z } from 'zod';

/** When and what a booking asks for, one-to-one or group. */
const sessionTimes = {
  startsAt: z.date(),
  durationMinutes: z.number().int().min(15).max(240),
  agenda: z.string().trim().max(2000).nullish(),
};

export const bookSessionSchema = z.object({ mentorshipId: z.string(), ...sessionTimes });
export type BookSessionInput = z.input<typeof bookSessionSchema>;

export const bookGroupSessionSchema = z.object({ groupId: z.string(), ...sessionTimes });
export type BookGroupSessionInput = z.input<typeof bookGroupSessionSchema>;

export const cancelReasonSchema = z.string().trim().max(1000).nullish();
