import { Injectable, type Type } from '@nestjs/common';
import { SessionNotificationsService, SessionRemindersService } from '@app/domain';
import { HandlesEvent, QUEUES, type EventHandler, type EventJob, type EventType } from '@app/platform';

type SessionEvent = Extract<EventType, `session.${string}`>;

/** The notifications-queue handler of one session event: the policy service decides who hears what. */
function sessionNotifier<T extends SessionEvent>(type: T): Type<EventHandler<T>> {
  @Injectable()
  @HandlesEvent(QUEUES.notifications, type)
  class SessionNotifier implements EventHandler<T> {
    constructor(private readonly notices: SessionNotificationsService) {}

    async handle(job: EventJob<T>): Promise<void> {
      await this.notices.announce(job);
    }
  }
  return SessionNotifier;
}

/** The lifecycle-queue handler that arms a session's reminders when it is booked or moved. */
function reminderArmer<T extends 'session.booked' | 'session.rescheduled'>(type: T): Type<EventHandler<T>> {
  @Injectable()
  @HandlesEvent(QUEUES.lifecycle, type)
  class ReminderArmer implements EventHandler<T> {
    constructor(private readonly reminders: SessionRemindersService) {}

    async handle(job: EventJob<T>): Promise<void> {
      await this.reminders.arm(job.payload.sessionId);
    }
  }
  return ReminderArmer;
}

/** Every consumer of session events in the worker. */
export const SESSION_EVENT_HANDLERS: Type[] = [
  sessionNotifier('session.booked'),
  sessionNotifier('session.rescheduled'),
  sessionNotifier('session.cancelled'),
  sessionNotifier('session.completed'),
  sessionNotifier('session.no_show'),
  reminderArmer('session.booked'),
  reminderArmer('session.rescheduled'),
];
