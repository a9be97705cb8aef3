import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MentorshipStatus, type Mentorship } from '@app/domain';
import { Connection } from '../graphql/connection.js';
import { MentorshipTermsType } from '../mentorship-terms/mentorship-terms.type.js';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';

registerEnumType(MentorshipStatus, { name: 'MentorshipStatus' });

/** mentor, mentee and goals are field resolvers in MentorshipResolver; request, program and group live with their contexts. */
@ObjectType('Mentorship')
export class MentorshipType extends MentorshipTermsType implements Mentorship {
  @Field(() => ID)
  id!: string;

  requestId!: string | null;
  programId!: string | null;
  groupId!: string | null;
  menteeId!: string;
  mentorProfileId!: string;
  mentorUserId!: string;

  @Field(() => MentorshipStatus)
  status!: MentorshipStatus;

  @Field(() => DateTimeScalar)
  startedAt!: Date;

  @Field(() => DateScalar)
  endsOn!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  endedAt!: Date | null;

  @Field(() => String, { nullable: true })
  endReason!: string | null;
}

@ObjectType()
export class MentorshipConnection extends Connection(MentorshipType, 'MentorshipEdge') {}
