import { Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service.js';
import { welcome } from './messages/account-messages.js';
import { NotificationDispatcherService } from './notification-dispatcher.service.js';

@Injectable()
export class AccountNotificationsService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly dispatcher: NotificationDispatcherService,
  ) {}

  /** Greets a new user on every channel, like any other notification. */
  async signedUp(eventId: string, userId: string): Promise<void> {
    const user = await this.accounts.findById(userId);
    if (!user) return;
    await this.dispatcher.deliver(user, welcome(user), `${eventId}:${user.id}`);
  }
}
