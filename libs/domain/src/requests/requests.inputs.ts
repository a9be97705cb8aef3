import { optionalPlainText, plainText } from '@app/platform';
import { z } from 'zod';
import { MentorshipFormat } from '../profiles/mentor-profile.entity.js';
import { Cadence, calendarDate, Channel } from '../mentorship-terms/mentorship-terms.js';
import { DeclineReason } from './request-terms.js';

// Lengths are counted in characters, as the database's CHECK constraints count them.
const trimmed = plainText;
const optionalText = (max: number) =>
  optionalPlainText(max)
    .transform((value) => value ?? null)
    .optional();

export const goalInputSchema = z.object({
  title: trimmed(3, 200),
  successCriteria: optionalText(1000),
  targetDate: calendarDate.nullish().transform((value) => value ?? null),
});

export const sendRequestSchema = z.object({
  mentorId: z.string(),
  goals: z.array(goalInputSchema).min(1, 'at least one goal').max(5, 'at most 5 goals'),
  motivation: trimmed(50, 2000),
  format: z.enum(MentorshipFormat),
  cadence: z.enum(Cadence),
  channel: z.enum(Channel),
  durationWeeks: z.number().int().min(1).max(52),
  topics: z
    .array(trimmed(1, 60))
    .max(10, 'at most 10 topics')
    .nullish()
    .transform((topics) => [...new Set(topics ?? [])]),
  confidentialityNote: optionalText(1000),
  groupId: z
    .string()
    .nullish()
    .transform((id) => id ?? null),
});

export type SendRequestInput = z.input<typeof sendRequestSchema>;

export const responseMessageSchema = optionalText(2000);
export const declineReasonSchema = z.enum(DeclineReason);
