/**
 * The terms a request proposes and its mentorship keeps. They sit below both contexts
 * so that neither has to import the other for its vocabulary.
 */
export const Cadence = { WEEKLY: 'WEEKLY', BIWEEKLY: 'BIWEEKLY', MONTHLY: 'MONTHLY', AD_HOC: 'AD_HOC' } as const;
export type Cadence = (typeof Cadence)[keyof typeof Cadence];

export const Channel = { VIDEO: 'VIDEO', PHONE: 'PHONE', CHAT: 'CHAT', IN_PERSON: 'IN_PERSON' } as const;
export type Channel = (typeof Channel)[keyof typeof Channel];
