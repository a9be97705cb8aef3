import { z } from 'zod';

/**
 * The terms a request proposes and its mentorship keeps. They sit below both contexts
 * so that neither has to import the other for its vocabulary.
 */
export const Cadence = { WEEKLY: 'WEEKLY', BIWEEKLY: 'BIWEEKLY', MONTHLY: 'MONTHLY', AD_HOC: 'AD_HOC' } as const;
export type Cadence = (typeof Cadence)[keyof typeof Cadence];

export const Channel = { VIDEO: 'VIDEO', PHONE: 'PHONE', CHAT: 'CHAT', IN_PERSON: 'IN_PERSON' } as const;
export type Channel = (typeof Channel)[keyof typeof Channel];

/** A calendar date as clients write it ("2026-03-01"), for goal targets and group dates. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-01')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a calendar date');
