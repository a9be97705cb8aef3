import { NotificationKind } from '../notification-types.js';
import type { NotificationMessage, Recipient } from './message.js';

/** To a new user: where to start. */
export function welcome(to: Recipient): NotificationMessage {
  const title = `Welcome to Mentorbridge, ${to.displayName}`;
  const body = 'Complete your profile to find a mentor, or publish one to mentor others.';
  return {
    kind: NotificationKind.WELCOME,
    title,
    body,
    link: '/profile',
    email: { subject: title, lines: [body] },
  };
}
