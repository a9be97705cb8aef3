import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SessionStatus, type MentoringSession } from '@app/domain';
import { Connection } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';

registerEnumType(SessionStatus, { name: 'SessionStatus' });

/** mentorship, host, participants, cancelledBy and noShows are field resolvers in SessionResolver. */
@ObjectType('Session')
export class SessionType implements MentoringSession {
  @Field(() => ID)
  id!: string;

  hostId!: string;
  mentorshipId!: string | null;
  groupId!: string | null;
  version!: number;
  rescheduleCount!: number;
  cancelledBy!: string | null;
  cancelledAt!: Date | null;
  participantIds!: string[];
  noShowIds!: string[];
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  startsAt!: Date;

  @Field(() => DateTimeScalar)
  endsAt!: Date;

  @Field(() => SessionStatus)
  status!: SessionStatus;

  @Field(() => String, { nullable: true })
  agenda!: string | null;

  @Field(() => String, { nullable: true })
  meetingUrl!: string;

  @Field(() => String, { nullable: true })
  cancelReason!: string | null;

  @Field({ description: 'cancelled less than 24 hours before the start' })
  lateCancellation!: boolean;
}

@ObjectType()
export class SessionConnection extends Connection(SessionType, 'SessionEdge') {}

@InputType()
export class BookSessionInput {
  @Field(() => ID)
  mentorshipId!: string;

  @Field(() => DateTimeScalar, { description: 'a start availableSlots offers' })
  startsAt!: Date;

  @Field(() => Int, { description: 'one of the mentor’s sessionLengths' })
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: '0..2000' })
  agenda!: string | null;
}
