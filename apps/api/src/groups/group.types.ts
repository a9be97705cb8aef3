import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Cadence,
  Channel,
  GroupKind,
  GroupStatus,
  type GroupFilterInput,
  type GroupInput as DomainGroupInput,
  type MentorshipGroup,
} from '@app/domain';
import { Connection } from '../graphql/connection.js';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';

registerEnumType(GroupKind, { name: 'GroupKind' });
registerEnumType(GroupStatus, { name: 'GroupStatus' });

/** host, industries, topics, seatsLeft and members are field resolvers in MentorshipGroupResolver. */
@ObjectType('MentorshipGroup', {
  description: 'A GROUP is led by its host mentor; a CIRCLE is a peer group that the host facilitates.',
})
export class MentorshipGroupType implements MentorshipGroup {
  @Field(() => ID)
  id!: string;

  hostProfileId!: string;
  hostUserId!: string;
  industrySlugs!: string[];
  topicSkillIds!: string[];
  createdAt!: Date;
  closedAt!: Date | null;

  @Field(() => GroupKind)
  kind!: GroupKind;

  @Field(() => GroupStatus)
  status!: GroupStatus;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => Int, { description: 'members, not counting the host' })
  capacity!: number;

  @Field(() => Int)
  memberCount!: number;

  @Field(() => Cadence)
  cadence!: Cadence;

  @Field(() => Channel)
  channel!: Channel;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar)
  endsOn!: string;

  @Field(() => Int)
  sessionLengthMinutes!: number;
}

@ObjectType()
export class MentorshipGroupConnection extends Connection(MentorshipGroupType, 'MentorshipGroupEdge') {}

@InputType()
export class GroupInput implements DomainGroupInput {
  @Field(() => GroupKind)
  kind!: GroupKind;

  @Field({ description: '5..120 characters' })
  title!: string;

  @Field({ description: '50..5000 characters' })
  description!: string;

  @Field(() => [String], { description: '1..5 industry slugs' })
  industries!: string[];

  @Field(() => [String], { description: '1..10 skill names, folded like profile skills' })
  topics!: string[];

  @Field(() => Int, { description: '2..50 members, not counting the host' })
  capacity!: number;

  @Field(() => Cadence)
  cadence!: Cadence;

  @Field(() => Channel)
  channel!: Channel;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar, { description: 'after startsOn, within a year' })
  endsOn!: string;

  @Field(() => Int, { description: '15..240' })
  sessionLengthMinutes!: number;
}

@InputType()
export class GroupFilter implements GroupFilterInput {
  @Field(() => [GroupKind], { nullable: true, description: 'any of' })
  kinds?: GroupKind[] | null;

  @Field(() => [String], { nullable: true, description: 'industry slugs, any of' })
  industries?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'skill names, all of' })
  topics?: string[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'false lists FULL groups too' })
  openOnly?: boolean | null;

  @Field(() => String, { nullable: true, description: 'free text over title and description' })
  query?: string | null;
}

@InputType()
export class BookGroupSessionInput {
  @Field(() => ID)
  groupId!: string;

  @Field(() => DateTimeScalar, { description: 'a start availableSlots offers for the host' })
  startsAt!: Date;

  @Field(() => Int, { description: "the group's sessionLengthMinutes" })
  durationMinutes!: number;

  @Field(() => String, { nullable: true, description: '0..2000' })
  agenda!: string | null;
}
