import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { ProgramRhythmService } from '../programs/program-rhythm.service.js';
import { programNudge } from './messages/program-rhythm-messages.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';

/** Who hears that a program's rhythm lapsed: each participant who left a window without meeting or checking in. */
@Injectable()
export class ProgramRhythmNotificationsService {
  constructor(
    private readonly rhythm: ProgramRhythmService,
    private readonly accounts: AccountsService,
    private readonly dispatcher: NotificationDispatcherService,
  ) {}

  /** One nudge per participant per window: the key names the window, whatever the gap was. */
  async nudgeLapsed(now: Date = new Date()): Promise<void> {
    const lapses = await this.rhythm.lapsed(now);
    const people = await this.accounts.findByIds([...new Set(lapses.flatMap((l) => [l.recipientId, l.partnerId]))]);
    const byId = new Map(people.flatMap((user) => (user ? [[user.id, user] as const] : [])));
    for (const lapse of lapses) {
      const recipient = byId.get(lapse.recipientId);
      const partner = byId.get(lapse.partnerId);
      if (!recipient || !partner) continue;
      const message = programNudge({ ...lapse, partnerName: partner.displayName });
      const key = `program-nudge:${lapse.mentorshipId}:${lapse.window}:${recipient.id}`;
      await this.dispatcher.deliver(recipient, message, key);
    }
  }
}
