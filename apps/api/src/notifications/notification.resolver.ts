import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotificationsService, type Principal } from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import { NotificationConnection, NotificationType } from './notification.types.js';

@Resolver(() => NotificationType)
export class NotificationResolver {
  constructor(private readonly inbox: NotificationsService) {}

  @Query(() => NotificationConnection)
  async notifications(
    @Viewer() viewer: Principal,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<NotificationConnection> {
    const page = await this.inbox.list(viewer.userId, unreadOnly ?? false, { first: first ?? 20, after });
    return { ...toConnection(page, (node) => node), unreadCount: page.unreadCount };
  }

  @Mutation(() => Int, { description: 'how many were unread and are now read' })
  markNotificationsRead(
    @Viewer() viewer: Principal,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<number> {
    return this.inbox.markRead(viewer.userId, ids);
  }
}
