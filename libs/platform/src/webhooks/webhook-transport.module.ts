import { Module } from '@nestjs/common';
import { WebhookTransport } from './webhook-transport.js';

/** The outbound HTTP side of webhooks: the SSRF guard and the signed POST. */
@Module({ providers: [WebhookTransport], exports: [WebhookTransport] })
export class WebhookTransportModule {}
