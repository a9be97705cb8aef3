import { StateMachine, type TransitionLog } from '@app/platform';
import { RequestStatus } from './request-terms.js';

/** The one place the request lifecycle is defined: every answer leaves PENDING, nothing returns. */
export const requestLifecycle = new StateMachine<RequestStatus>('mentorship request', [
  [RequestStatus.PENDING, RequestStatus.ACCEPTED],
  [RequestStatus.PENDING, RequestStatus.DECLINED],
  [RequestStatus.PENDING, RequestStatus.WITHDRAWN],
  [RequestStatus.PENDING, RequestStatus.EXPIRED],
]);

export const requestTransitions: TransitionLog = {
  table: 'mentorship_request_transitions',
  subjectColumn: 'request_id',
};
