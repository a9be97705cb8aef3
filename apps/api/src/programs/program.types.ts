import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CommunicationStyle,
  MatchingRoundStatus,
  MentorshipFormat,
  ProgramRole,
  ProgramStatus,
  type Enrollment,
  type Organization,
  type Program,
  type ProgramMetrics,
  type ProgramWeek,
} from '@app/domain';
import { Connection } from '../graphql/connection.js';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';
import { TimeZoneScalar } from '../graphql/scalars/time-zone.scalar.js';

registerEnumType(ProgramStatus, { name: 'ProgramStatus' });
registerEnumType(ProgramRole, { name: 'ProgramRole' });
registerEnumType(CommunicationStyle, { name: 'CommunicationStyle' });
registerEnumType(MatchingRoundStatus, { name: 'MatchingRoundStatus' });

/** admins and programs are field resolvers in OrganizationResolver. */
@ObjectType('Organization')
export class OrganizationType implements Organization {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  slug!: string;

  createdAt!: Date;
}

/** organization and the admin fields (inviteCode, enrollments, matchingRounds) are field resolvers. */
@ObjectType('Program')
export class ProgramType implements Program {
  @Field(() => ID)
  id!: string;

  organizationId!: string;
  inviteCode!: string | null;
  createdAt!: Date;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field(() => [String])
  goals!: string[];

  @Field(() => [MentorshipFormat])
  formats!: MentorshipFormat[];

  @Field(() => ProgramStatus)
  status!: ProgramStatus;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar)
  endsOn!: string;

  @Field(() => Int)
  maxMenteesPerMentor!: number;

  @Field(() => Int)
  checkInEveryDays!: number;
}

@ObjectType()
export class ProgramConnection extends Connection(ProgramType, 'ProgramEdge') {}

/** program and user are field resolvers in EnrollmentResolver. */
@ObjectType('Enrollment')
export class EnrollmentType implements Enrollment {
  @Field(() => ID)
  id!: string;

  programId!: string;
  userId!: string;
  skillIds!: string[];
  industries!: string[];
  languages!: string[];
  timeZone!: string;
  hoursPerMonth!: number;

  @Field(() => ProgramRole)
  role!: ProgramRole;

  @Field(() => [String])
  goals!: string[];

  @Field(() => CommunicationStyle)
  communicationStyle!: CommunicationStyle;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  withdrawnAt!: Date | null;
}

@ObjectType()
export class EnrollmentConnection extends Connection(EnrollmentType, 'EnrollmentEdge') {}

@ObjectType('MatchProposal')
export class MatchProposalType {
  @Field(() => EnrollmentType)
  mentor!: EnrollmentType;

  @Field(() => EnrollmentType)
  mentee!: EnrollmentType;

  @Field(() => Float, { description: 'compatibility, 0..100' })
  score!: number;

  @Field(() => [String], { description: 'why these two, in words' })
  reasons!: string[];
}

@ObjectType('MatchingRound')
export class MatchingRoundType {
  @Field(() => ID)
  id!: string;

  programId!: string;

  @Field(() => MatchingRoundStatus)
  status!: MatchingRoundStatus;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => [MatchProposalType])
  proposals!: MatchProposalType[];

  @Field(() => [EnrollmentType])
  unmatchedMentees!: EnrollmentType[];

  @Field(() => Float)
  totalScore!: number;
}

@ObjectType('ProgramWeek')
export class ProgramWeekType implements ProgramWeek {
  @Field(() => DateScalar, { description: 'the Monday (UTC) of the ISO week' })
  weekStarting!: string;

  @Field(() => Int, { description: 'sessions starting this week that were held' })
  sessionsHeld!: number;

  @Field(() => Int, { description: 'check-ins on those sessions' })
  checkIns!: number;

  @Field(() => Int, { description: 'program mentorships that ran at some time this week' })
  activeMentorships!: number;
}

@ObjectType('ProgramMetrics')
export class ProgramMetricsType implements ProgramMetrics {
  @Field(() => Int, { description: 'enrolled mentors, not withdrawn' })
  mentors!: number;

  @Field(() => Int, { description: 'enrolled mentees, not withdrawn' })
  mentees!: number;

  @Field(() => Int, { description: 'mentees given a mentorship by a published round' })
  matchedMentees!: number;

  @Field(() => Int)
  activeMentorships!: number;

  @Field(() => Int, { description: "completed sessions of the program's mentorships" })
  sessionsHeld!: number;

  @Field(() => Float, { nullable: true, description: 'held sessions per 30 days of pair time, to 2 decimals' })
  sessionsPerPairPerMonth!: number | null;

  @Field(() => Float, { nullable: true, description: 'share of completed sessions with at least one check-in' })
  checkInRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'from check-ins, 1..5' })
  averageUsefulness!: number | null;

  @Field(() => Float, { nullable: true, description: "0..100 over matched mentees' goals" })
  averageGoalProgress!: number | null;

  @Field(() => Float, { nullable: true, description: 'mentorships COMPLETED of those ended' })
  completionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'of the mentorships started 30+ days ago, the share still ACTIVE (or COMPLETED) 30 days after they started',
  })
  retention30d!: number | null;

  @Field(() => [ProgramWeekType], { description: 'one row per week since the start' })
  weekly!: ProgramWeekType[];

  @Field({ description: 'a signed link to the same figures as CSV, valid for 15 minutes' })
  csvUrl!: string;
}

@InputType()
export class OrganizationInput {
  @Field({ description: '1..120 characters' })
  name!: string;

  @Field({ description: '3..40 characters of a-z, 0-9 and -' })
  slug!: string;
}

@InputType()
export class ProgramInput {
  @Field(() => ID)
  organizationId!: string;

  @Field({ description: '3..120 characters' })
  name!: string;

  @Field({ description: '0..5000 characters' })
  description!: string;

  @Field(() => [String], { description: "the program's goals: 1..5" })
  goals!: string[];

  @Field(() => [MentorshipFormat], { description: 'which the program runs' })
  formats!: MentorshipFormat[];

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar)
  endsOn!: string;

  @Field(() => Int, { description: '1..10' })
  maxMenteesPerMentor!: number;

  @Field(() => Int, { description: '7..90: the nudge cadence for check-ins' })
  checkInEveryDays!: number;
}

@InputType()
export class EnrollmentInput {
  @Field(() => ID)
  programId!: string;

  @Field()
  inviteCode!: string;

  @Field(() => ProgramRole)
  role!: ProgramRole;

  @Field(() => [String], { description: '1..5' })
  goals!: string[];

  @Field(() => [String], { description: 'mentees: wanted; mentors: offered; 1..20' })
  skills!: string[];

  @Field(() => [String], { description: '0..5 slugs' })
  industries!: string[];

  @Field(() => CommunicationStyle)
  communicationStyle!: CommunicationStyle;

  @Field(() => [String], { description: '1..10' })
  languages!: string[];

  @Field(() => TimeZoneScalar)
  timeZone!: string;

  @Field(() => Int, { description: '1..40' })
  hoursPerMonth!: number;
}
