import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';

@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field()
  type!: string;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  readAt!: Date | null;

  @Field(() => String, { nullable: true })
  link!: string | null;
}

@ObjectType()
export class NotificationConnection extends Connection(NotificationType, 'NotificationEdge') {
  @Field(() => Int)
  unreadCount!: number;
}
