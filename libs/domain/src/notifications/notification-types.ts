/** Every kind of notification; a user can turn email off per kind. Stored: never rename one. */
export const NotificationKind = {
  WELCOME: 'WELCOME',
  REQUEST_RECEIVED: 'REQUEST_RECEIVED',
  REQUEST_ACCEPTED: 'REQUEST_ACCEPTED',
  REQUEST_DECLINED: 'REQUEST_DECLINED',
  REQUEST_WITHDRAWN: 'REQUEST_WITHDRAWN',
  REQUEST_EXPIRED: 'REQUEST_EXPIRED',
  MENTOR_FULL: 'MENTOR_FULL',
  MENTORSHIP_COMPLETED: 'MENTORSHIP_COMPLETED',
  MENTORSHIP_ENDED: 'MENTORSHIP_ENDED',
  WEBHOOK_DISABLED: 'WEBHOOK_DISABLED',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

export function isNotificationKind(value: string): value is NotificationKind {
  return (Object.values(NotificationKind) as string[]).includes(value);
}
