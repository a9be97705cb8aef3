import { plainText } from '@app/platform';
import { z } from 'zod';
import { Cadence, calendarDate, Channel } from '../mentorship-terms/mentorship-terms.js';
import { industrySlugs, skillNames } from '../profiles/profile-fields.js';
import { GroupKind } from './group.js';

const MAX_DAYS = 366;
const DAY_MS = 86_400_000;

/** What a client sends to create or edit a group (every field, every time). */
export interface GroupInput {
  kind: GroupKind;
  title: string;
  description: string;
  industries: string[];
  topics: string[];
  capacity: number;
  cadence: Cadence;
  channel: Channel;
  startsOn: string;
  endsOn: string;
  sessionLengthMinutes: number;
}

export interface GroupFilterInput {
  kinds?: GroupKind[] | null;
  industries?: string[] | null;
  topics?: string[] | null;
  openOnly?: boolean | null;
  query?: string | null;
}

const days = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** The limits of the public contract's GroupInput. */
export function groupInputSchema(knownIndustries: ReadonlySet<string>) {
  return z
    .object({
      kind: z.enum(GroupKind),
      title: plainText(5, 120),
      description: plainText(50, 5000),
      industries: industrySlugs(knownIndustries, 1, 5),
      topics: skillNames(1, 10),
      capacity: z.number().int().min(2, 'must be at least 2').max(50, 'must be at most 50'),
      cadence: z.enum(Cadence),
      channel: z.enum(Channel),
      startsOn: calendarDate,
      endsOn: calendarDate,
      sessionLengthMinutes: z
        .number()
        .int()
        .min(15, 'must be at least 15 minutes')
        .max(240, 'must be at most 240 minutes'),
    })
    .superRefine((input, ctx) => {
      const length = days(input.endsOn) - days(input.startsOn);
      if (length <= 0) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must be after startsOn' });
      else if (length > MAX_DAYS) {
        ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must be within a year of startsOn' });
      }
    });
}

export type ValidGroupInput = z.output<ReturnType<typeof groupInputSchema>>;

/** The limits of GroupFilter; industries are checked against the taxonomy like searchMentors' filter. */
export function groupFilterSchema(knownIndustries: ReadonlySet<string>) {
  return z
    .object({
      kinds: z.array(z.enum(GroupKind)).max(2, 'allows at most 2 values').nullish(),
      industries: z
        .array(z.string().refine((slug) => knownIndustries.has(slug), 'is not a known industry slug'))
        .max(50, 'allows at most 50 values')
        .nullish(),
      topics: z.array(plainText(1, 50)).max(10, 'allows at most 10 values').nullish(),
      openOnly: z.boolean().nullish(),
      query: z.string().trim().max(200, 'must be at most 200 characters').nullish(),
    })
    .nullish()
    .transform((filter) => ({
      kinds: filter?.kinds ?? [],
      industries: filter?.industries ?? [],
      topics: filter?.topics ?? [],
      openOnly: filter?.openOnly ?? true,
      query: filter?.query ?? '',
    }));
}

/** Before today everywhere on Earth: UTC-12 is the last zone to leave a date, so no one is refused their today. */
export function startsInThePast(startsOn: string, now: Date = new Date()): boolean {
  return days(startsOn) < Math.floor((now.getTime() - 12 * 3_600_000) / DAY_MS);
}
