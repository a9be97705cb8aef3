import { Inject } from '@nestjs/common';
import { Context, Resolver, Subscription } from '@nestjs/graphql';
import {
  NotificationsService,
  RequestQueriesService,
  SessionQueriesService,
  type MentoringSession,
  type Principal,
} from '@app/domain';
import { CONFIG, liveTopic, type Config, type LiveChannel, type LiveMessages } from '@app/platform';
import { Viewer } from '../auth/viewer.decorator.js';
import type { Loaders } from '../graphql/dataloaders.js';
import type { GqlContext } from '../graphql/graphql-context.js';
import { NotificationType } from '../notifications/notification.types.js';
import { MentorshipRequestType } from '../requests/request.types.js';
import { SessionType } from '../scheduling/session.types.js';

/** What Mercurius adds to the context of a subscription. */
interface LiveContext extends GqlContext {
  pubsub: { subscribe(topic: string): Promise<AsyncIterable<unknown>> };
}

/**
 * Pushes over graphql-ws. Each subscriber listens on their own Redis topics only, so
 * no filter is needed; messages carry ids and every event is re-read for the viewer.
 */
@Resolver()
export class LiveResolver {
  constructor(
    @Inject(CONFIG) private readonly config: Config,
    private readonly notifications: NotificationsService,
    private readonly requests: RequestQueriesService,
    private readonly sessions: SessionQueriesService,
  ) {}

  @Subscription(() => NotificationType, {
    description: "the signed-in user's",
    resolve(this: LiveResolver, message: LiveMessages['notifications'], _args: unknown, ctx: LiveContext) {
      return this.notificationFor(message, ctx);
    },
  })
  notificationAdded(@Viewer() viewer: Principal, @Context() ctx: LiveContext): Promise<AsyncIterable<unknown>> {
    return this.listen(ctx, 'notifications', viewer);
  }

  @Subscription(() => MentorshipRequestType, {
    description: 'requests I sent or received',
    resolve(this: LiveResolver, message: LiveMessages['requests'], _args: unknown, ctx: LiveContext) {
      return this.requestFor(message, ctx);
    },
  })
  mentorshipRequestChanged(@Viewer() viewer: Principal, @Context() ctx: LiveContext): Promise<AsyncIterable<unknown>> {
    return this.listen(ctx, 'requests', viewer);
  }

  @Subscription(() => SessionType, {
    description: 'sessions I take part in',
    resolve(this: LiveResolver, message: LiveMessages['sessions'], _args: unknown, ctx: LiveContext) {
      return this.sessionFor(message, ctx);
    },
  })
  sessionChanged(@Viewer() viewer: Principal, @Context() ctx: LiveContext): Promise<AsyncIterable<unknown>> {
    return this.listen(ctx, 'sessions', viewer);
  }

  private listen(ctx: LiveContext, channel: LiveChannel, viewer: Principal): Promise<AsyncIterable<unknown>> {
    return ctx.pubsub.subscribe(liveTopic(this.config.QUEUE_PREFIX, channel, viewer.userId));
  }

  private async notificationFor(message: LiveMessages['notifications'], ctx: LiveContext): Promise<NotificationType> {
    const viewer = await this.viewerOf(ctx);
    const notification = await this.notifications.findForUser(viewer.userId, message.notificationId);
    if (!notification) throw new Error(`notification ${message.notificationId} vanished before delivery`);
    return notification;
  }

  private async requestFor(message: LiveMessages['requests'], ctx: LiveContext): Promise<MentorshipRequestType> {
    const viewer = await this.viewerOf(ctx);
    return this.requests.findForParticipant(viewer.userId, message.requestId);
  }

  private async sessionFor(message: LiveMessages['sessions'], ctx: LiveContext): Promise<MentoringSession> {
    const viewer = await this.viewerOf(ctx);
    return this.sessions.findForParticipant(viewer.userId, message.sessionId);
  }

  /** The connection lives for hours: each event starts with empty loaders, so nothing stale is served. */
  private async viewerOf(ctx: LiveContext): Promise<Principal> {
    for (const key of Object.keys(ctx.loaders) as Array<keyof Loaders>) ctx.loaders[key].clearAll();
    const viewer = await ctx.principal();
    if (!viewer) throw new Error('subscription context lost its principal');
    return viewer;
  }
}
