import { Injectable } from '@nestjs/common';
import { JobScheduler, type ReminderLead, type ScheduledJobPayloads } from '@app/platform';
import { SessionStatus } from './session-lifecycle.js';
import { SessionQueriesService } from './session-queries.service.js';
import type { MentoringSession } from './session.js';

/** How long before the start each reminder goes out. */
export const REMINDER_LEADS: Readonly<Record<ReminderLead, number>> = {
  DAY: 24 * 3_600_000,
  HOUR: 3_600_000,
};

/**
 * Reminders are delayed jobs that carry the session's version when they were armed. A
 * reschedule arms new ones for the new version; the old ones still fire but find the
 * version moved on and do nothing, so nothing has to be found and removed in Redis.
 */
@Injectable()
export class SessionRemindersService {
  constructor(
    private readonly queries: SessionQueriesService,
    private readonly scheduler: JobScheduler,
  ) {}

  /** Arms the reminders of the session's current version that are still ahead; a second call arms nothing new. */
  async arm(sessionId: string): Promise<void> {
    const session = await this.queries.findById(sessionId);
    if (session?.status !== SessionStatus.SCHEDULED) return;
    for (const [lead, before] of Object.entries(REMINDER_LEADS) as Array<[ReminderLead, number]>) {
      const delayMs = session.startsAt.getTime() - before - Date.now();
      if (delayMs <= 0) continue;
      await this.scheduler.once(
        'session.remind',
        { sessionId, version: session.version, lead },
        { delayMs, jobId: reminderJobId(sessionId, session.version, lead) },
      );
    }
  }

  /** The session a reminder is for, or null when the reminder is stale (moved, cancelled, held). */
  async due(reminder: ScheduledJobPayloads['session.remind']): Promise<MentoringSession | null> {
    const session = await this.queries.findById(reminder.sessionId);
    if (session?.status !== SessionStatus.SCHEDULED || session.version !== reminder.version) return null;
    return session;
  }
}

export function reminderJobId(sessionId: string, version: number, lead: ReminderLead): string {
  return `remind-${sessionId}-v${version}-${lead}`;
}
