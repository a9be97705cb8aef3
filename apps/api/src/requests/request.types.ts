import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Cadence,
  Channel,
  DeclineReason,
  MentorshipFormat,
  RequestRole,
  RequestStatus,
  type MentorshipRequest,
} from '@app/domain';
import { Connection } from '../graphql/connection.js';
import { MentorshipTermsType } from '../mentorship-terms/mentorship-terms.type.js';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';

registerEnumType(RequestStatus, { name: 'RequestStatus' });
registerEnumType(RequestRole, { name: 'RequestRole' });
registerEnumType(DeclineReason, { name: 'DeclineReason' });

/** mentee, mentor, goals and mentorship are field resolvers in MentorshipRequestResolver. */
@ObjectType('MentorshipRequest')
export class MentorshipRequestType extends MentorshipTermsType implements MentorshipRequest {
  @Field(() => ID)
  id!: string;

  menteeId!: string;
  mentorProfileId!: string;
  mentorUserId!: string;
  groupId!: string | null;

  @Field(() => RequestStatus)
  status!: RequestStatus;

  @Field()
  motivation!: string;

  @Field(() => Int)
  durationWeeks!: number;

  @Field(() => [String])
  topics!: string[];

  @Field(() => String, { nullable: true, description: 'topics to keep private' })
  confidentialityNote!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { description: 'pending requests expire then' })
  expiresAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  respondedAt!: Date | null;

  @Field(() => DeclineReason, { nullable: true })
  declineReason!: DeclineReason | null;

  @Field(() => String, { nullable: true })
  responseMessage!: string | null;
}

@ObjectType()
export class MentorshipRequestConnection extends Connection(MentorshipRequestType, 'MentorshipRequestEdge') {}

@InputType()
export class GoalInput {
  @Field({ description: '3..200 characters' })
  title!: string;

  @Field(() => String, { nullable: true })
  successCriteria?: string | null;

  @Field(() => DateScalar, { nullable: true })
  targetDate?: string | null;
}

@InputType()
export class MentorshipRequestInput {
  @Field(() => ID)
  mentorId!: string;

  @Field(() => [GoalInput], { description: '1..5' })
  goals!: GoalInput[];

  @Field({ description: 'why this mentor: 50..2000 characters' })
  motivation!: string;

  @Field(() => MentorshipFormat, { description: 'one the mentor offers' })
  format!: MentorshipFormat;

  @Field(() => Cadence)
  cadence!: Cadence;

  @Field(() => Channel)
  channel!: Channel;

  @Field(() => Int, { description: '1..52' })
  durationWeeks!: number;

  @Field(() => [String], { nullable: true, description: '0..10' })
  topics?: string[] | null;

  @Field(() => String, { nullable: true, description: 'topics to keep private' })
  confidentialityNote?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'to join a group or circle: mentorId is its host, format its kind',
  })
  groupId?: string | null;
}
