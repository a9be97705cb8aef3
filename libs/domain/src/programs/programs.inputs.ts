import { plainText, timeZoneSchema } from '@app/platform';
import { z } from 'zod';
import { MentorshipFormat } from '../profiles/mentor-profile.entity.js';
import { industrySlugs, languageCodes, skillNames } from '../profiles/profile-fields.js';
import { CommunicationStyle, ProgramRole } from './program.js';

export const organizationSchema = z.object({
  name: plainText(1, 120),
  slug: z
    .string()
    .min(3, 'needs at least 3 characters')
    .max(40, 'allows at most 40 characters')
    .regex(/^[a-z0-9-]+$/, 'may hold only a-z, 0-9 and -'),
});
export type OrganizationInput = z.input<typeof organizationSchema>;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'is not a calendar date');

/** The limits of the public contract's ProgramInput; the dates must run forwards. */
export const programSchema = z
  .object({
    organizationId: z.string(),
    name: plainText(3, 120),
    description: z.string().max(5000, 'allows at most 5000 characters'),
    goals: z.array(plainText(3, 200)).min(1, 'needs at least 1 goal').max(5, 'allows at most 5 goals'),
    formats: z.array(z.enum(MentorshipFormat)).min(1, 'needs at least 1 format'),
    startsOn: isoDate,
    endsOn: isoDate,
    maxMenteesPerMentor: z.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10'),
    checkInEveryDays: z.number().int().min(7, 'must be at least 7').max(90, 'must be at most 90'),
  })
  .refine((input) => input.endsOn > input.startsOn, { path: ['endsOn'], message: 'must be after startsOn' });
export type ProgramInput = z.input<typeof programSchema>;

/** The limits of the public contract's EnrollmentInput; skills fold like profile skills. */
export function enrollmentSchema(knownIndustries: ReadonlySet<string>) {
  return z.object({
    programId: z.string(),
    inviteCode: z.string().max(100, 'is not this program invite code'),
    role: z.enum(ProgramRole),
    goals: z.array(plainText(3, 200)).min(1, 'needs at least 1 goal').max(5, 'allows at most 5 goals'),
    skills: skillNames(1, 20),
    industries: industrySlugs(knownIndustries, 0, 5),
    communicationStyle: z.enum(CommunicationStyle),
    languages: languageCodes,
    timeZone: timeZoneSchema,
    hoursPerMonth: z.number().int().min(1, 'must be at least 1').max(40, 'must be at most 40'),
  });
}
export type EnrollmentInput = z.input<ReturnType<typeof enrollmentSchema>>;
