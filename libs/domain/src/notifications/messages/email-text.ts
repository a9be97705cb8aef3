import type { Recipient } from './message.js';

/** The plain-text frame every email shares: greeting, the content, where to act, why they got it. */
export function emailText(recipient: Recipient, lines: readonly string[], link: string): string {
  return [
    `Hi ${recipient.displayName},`,
    '',
    ...lines,
    '',
    `Open it in Mentorbridge: ${link}`,
    '',
    '--',
    'You can turn these emails off per kind in your notification settings.',
    '',
  ].join('\n');
}
