import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { AccountsService } from '../accounts/accounts.service.js';
import { ProgramFiguresService } from '../programs/program-figures.service.js';
import { ProgramQueriesService } from '../programs/program-queries.service.js';
import { programDigest } from './messages/program-digest-messages.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';
import { NotificationsService } from './notifications.service.js';

/**
 * Each admin of each RUNNING program hears the program's figures once per ISO week (UTC):
 * the dedupe key names the program, the week and the admin, so however often the sweep runs,
 * and however many run at once, the inbox and the mail ledger take one each.
 */
@Injectable()
export class ProgramDigestNotificationsService {
  constructor(
    private readonly programs: ProgramQueriesService,
    private readonly figures: ProgramFiguresService,
    private readonly accounts: AccountsService,
    private readonly inbox: NotificationsService,
    private readonly dispatcher: NotificationDispatcherService,
  ) {}

  async sendDue(now: Date = new Date()): Promise<void> {
    const week = DateTime.fromJSDate(now, { zone: 'utc' });
    const isoWeek = week.toFormat("kkkk-'W'WW");
    const lastWeekStarting = week.startOf('week').minus({ weeks: 1 }).toISODate();
    const keyOf = (programId: string, adminId: string) => `program-digest:${programId}:${isoWeek}:${adminId}`;

    const running = await this.programs.runningWithAdmins();
    const sent = await this.inbox.existingKeys(
      running.flatMap((program) => program.adminIds.map((adminId) => keyOf(program.programId, adminId))),
    );
    // Figures are computed only for programs someone still waits on this week.
    for (const program of running) {
      const due = program.adminIds.filter((adminId) => !sent.has(keyOf(program.programId, adminId)));
      if (due.length === 0) continue;
      const figures = await this.figures.of(program.programId, now);
      const lastWeek = figures.weekly.find((row) => row.weekStarting === lastWeekStarting) ?? null;
      const message = programDigest({ ...program, figures, lastWeek });
      for (const admin of await this.accounts.findByIds(due)) {
        if (admin) await this.dispatcher.deliver(admin, message, keyOf(program.programId, admin.id));
      }
    }
  }
}
