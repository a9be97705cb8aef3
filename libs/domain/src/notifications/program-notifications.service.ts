import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { ProgramQueriesService } from '../programs/program-queries.service.js';
import { programMatched } from './messages/program-messages.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';

/** Who hears of a program's published round: both sides of every pair, with the reasons. */
@Injectable()
export class ProgramNotificationsService {
  constructor(
    private readonly programs: ProgramQueriesService,
    private readonly accounts: AccountsService,
    private readonly dispatcher: NotificationDispatcherService,
  ) {}

  async matchPublished(eventId: string, roundId: string, mentorshipId: string): Promise<void> {
    const match = await this.programs.publishedMatch(roundId, mentorshipId);
    if (!match) return;
    const [mentee, mentor] = await this.accounts.findByIds([match.menteeId, match.mentorUserId]);
    if (!mentee || !mentor) return;
    await this.dispatcher.deliver(mentee, programMatched(match, mentee, mentor, false), `${eventId}:${mentee.id}`);
    await this.dispatcher.deliver(mentor, programMatched(match, mentor, mentee, true), `${eventId}:${mentor.id}`);
  }
}
