import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { WebhookDeliveryLogService, WebhooksService, type Principal } from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';
import { toConnection } from '../graphql/connection.js';
import {
  WebhookDeliveryConnection,
  WebhookDeliveryType,
  WebhookInput,
  WebhookPayload,
  WebhookType,
} from './webhook.types.js';

/** Secrets are random bytes sealed with AES-GCM, and URLs are resolved for the SSRF check: worth more than a field. */
const WRITE_COST = 10;

@Resolver(() => WebhookType)
export class WebhookResolver {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly deliveryLog: WebhookDeliveryLogService,
  ) {}

  @Mutation(() => WebhookPayload, { complexity: WRITE_COST, description: 'the signing secret is shown once' })
  createWebhook(@Viewer() viewer: Principal, @Args('input') input: WebhookInput): Promise<WebhookPayload> {
    return this.webhooks.create(viewer.userId, input);
  }

  @Mutation(() => WebhookType, { complexity: WRITE_COST, description: 'saving a disabled webhook turns it back on' })
  updateWebhook(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: WebhookInput,
  ): Promise<WebhookType> {
    return this.webhooks.update(viewer.userId, id, input);
  }

  @Mutation(() => Boolean)
  deleteWebhook(@Viewer() viewer: Principal, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.webhooks.delete(viewer.userId, id);
  }

  @Mutation(() => WebhookPayload, { complexity: WRITE_COST, description: 'the new secret is shown once' })
  rotateWebhookSecret(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WebhookPayload> {
    return this.webhooks.rotateSecret(viewer.userId, id);
  }

  @Mutation(() => WebhookDeliveryType, { complexity: WRITE_COST, description: 'sends the same event again' })
  redeliverWebhookDelivery(
    @Viewer() viewer: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WebhookDeliveryType> {
    return this.deliveryLog.redeliver(viewer.userId, id);
  }

  @ResolveField(() => WebhookDeliveryConnection, { description: 'newest first' })
  async deliveries(
    @Parent() webhook: WebhookType,
    @Viewer() viewer: Principal,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<WebhookDeliveryConnection> {
    const page = await this.deliveryLog.list(viewer.userId, webhook.id, { first: first ?? 20, after });
    return toConnection(page, (node) => node);
  }
}
