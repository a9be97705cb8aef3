/** The vocabulary of a mentorship request, shared by the api and the mail content. */
export const RequestStatus = {
  PENDING: 'PENDING',
  ACCEPTED: 'ACCEPTED',
  DECLINED: 'DECLINED',
  WITHDRAWN: 'WITHDRAWN',
  EXPIRED: 'EXPIRED',
} as const;
export type RequestStatus = (typeof RequestStatus)[keyof typeof RequestStatus];

export const RequestRole = { SENT: 'SENT', RECEIVED: 'RECEIVED' } as const;
export type RequestRole = (typeof RequestRole)[keyof typeof RequestRole];

export const DeclineReason = {
  NO_CAPACITY: 'NO_CAPACITY',
  NOT_A_FIT: 'NOT_A_FIT',
  SCHEDULE: 'SCHEDULE',
  OTHER: 'OTHER',
} as const;
export type DeclineReason = (typeof DeclineReason)[keyof typeof DeclineReason];

/** How many requests one mentee may have waiting at once. */
export const MAX_PENDING_REQUESTS = 5;
