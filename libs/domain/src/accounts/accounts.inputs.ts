import { timeZoneSchema } from '@app/platform';
import { z } from 'zod';

export const signUpSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email('is not a valid email address'))
    .transform((email) => email.toLowerCase()),
  password: z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters'),
  displayName: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
  timeZone: timeZoneSchema,
});

export type SignUpInput = z.input<typeof signUpSchema>;
