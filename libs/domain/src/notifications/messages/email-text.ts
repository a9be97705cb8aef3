import type { Recipient } from './message.js';

/**
 * A link as an email shows it: under the web app's public address when one is configured
 * (a mail client has no page to resolve a relative link against), else as it is.
 */
export function emailLink(link: string, webAppUrl: string | undefined): string {
  return webAppUrl ? `${webAppUrl.replace(/\/+$/, '')}${link}` : link;
}

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
