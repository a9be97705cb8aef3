import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WebhookDeliveryStatus, WebhookEvent, type Webhook, type WebhookDelivery } from '@app/domain';
import { Connection } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';

registerEnumType(WebhookEvent, { name: 'WebhookEvent' });
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

/** deliveries is a field resolver in WebhookResolver. */
@ObjectType('Webhook', { description: 'a signed push of the events its owner could see through the API' })
export class WebhookType implements Webhook {
  @Field(() => ID)
  id!: string;

  userId!: string;

  @Field(() => ID, { nullable: true, description: "set when an admin registered it for their organisation's program" })
  programId!: string | null;

  @Field()
  url!: string;

  @Field(() => [WebhookEvent])
  events!: WebhookEvent[];

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field()
  enabled!: boolean;

  @Field(() => String, { nullable: true, description: 'why it was turned off; saving it again turns it back on' })
  disabledReason!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType('WebhookDelivery')
export class WebhookDeliveryType implements WebhookDelivery {
  @Field(() => ID, { description: 'the Mentorbridge-Delivery header' })
  id!: string;

  webhookId!: string;

  @Field(() => WebhookEvent)
  event!: WebhookEvent;

  @Field(() => WebhookDeliveryStatus)
  status!: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => Int, { nullable: true })
  lastDurationMs!: number | null;

  @Field(() => String, { nullable: true, description: "the first KB of the receiver's answer, or why there was none" })
  lastResponseExcerpt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'the next try while PENDING' })
  nextAttemptAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType()
export class WebhookPayload {
  @Field(() => WebhookType)
  webhook!: WebhookType;

  @Field({ description: 'the signing secret: shown once; store it now' })
  secret!: string;
}

@ObjectType()
export class WebhookConnection extends Connection(WebhookType, 'WebhookEdge') {}

@ObjectType()
export class WebhookDeliveryConnection extends Connection(WebhookDeliveryType, 'WebhookDeliveryEdge') {}

@InputType()
export class WebhookInput {
  @Field({ description: 'https (http only to loopback outside production); at most 2048 characters' })
  url!: string;

  @Field(() => [WebhookEvent], { description: 'at least one' })
  events!: WebhookEvent[];

  @Field(() => String, { nullable: true, description: '0..200 characters' })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "a program's events, for its organisation's admins" })
  programId?: string | null;
}
