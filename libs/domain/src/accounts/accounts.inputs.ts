import { timeZoneSchema } from '@app/platform';
import { z } from 'zod';

// Controls (line breaks included), line and paragraph separators, and the bidi marks,
// embeddings, overrides and isolates. Kept in step with the users_display_name_plain CHECK.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_PLAIN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u;

/**
 * A name is shown to other people, in notifications and in email subjects. Such
 * characters are refused, not stripped: a silently edited name is not the one the
 * person chose, and a name that needed them to read as intended (an override that
 * turns "resu" into "user") would, stripped, still read as something else.
 */
export const displayNameSchema = z
  .string()
  .refine((name) => !NOT_PLAIN.test(name), 'must be plain text: no line breaks, control or bidi characters')
  .transform((name) => name.trim())
  .pipe(z.string().min(1, 'must not be empty').max(80, 'must be at most 80 characters'));

export const passwordSchema = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200, 'must be at most 200 characters');

export const signUpSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email('is not a valid email address'))
    .transform((email) => email.toLowerCase()),
  password: passwordSchema,
  displayName: displayNameSchema,
  timeZone: timeZoneSchema,
});

export type SignUpInput = z.input<typeof signUpSchema>;
