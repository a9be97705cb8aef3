import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiScope, UserRole } from '@app/domain';
import { Connection } from '../graphql/connection.js';
import { DateTimeScalar } from '../graphql/scalars/date-time.scalar.js';
import { TimeZoneScalar } from '../graphql/scalars/time-zone.scalar.js';

registerEnumType(ApiScope, { name: 'ApiScope' });
registerEnumType(UserRole, { name: 'UserRole' });

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => TimeZoneScalar)
  timeZone!: string;

  /** Resolved by UserResolver: only the user themself sees it. */
  @Field(() => String, { nullable: true, description: 'only to the user themself' })
  email!: string | null;

  @Field(() => UserRole)
  role!: UserRole;

  /** Set on the user of an AuthPayload: the caller just proved to be them. */
  isSelf?: boolean;
}

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken!: string;

  @Field()
  refreshToken!: string;

  @Field(() => UserType)
  user!: UserType;
}

@ObjectType('ApiToken')
export class ApiTokenType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [ApiScope])
  scopes!: ApiScope[];

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'to the minute' })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'null: never expires' })
  expiresAt!: Date | null;
}

@ObjectType()
export class ApiTokenConnection extends Connection(ApiTokenType, 'ApiTokenEdge') {}

@ObjectType()
export class ApiTokenPayload {
  @Field(() => ApiTokenType)
  token!: ApiTokenType;

  @Field({ description: 'shown once; store it now' })
  secret!: string;
}

@InputType()
export class SignUpInput {
  @Field({ description: 'unique, case-insensitive' })
  email!: string;

  @Field({ description: '10..200 characters' })
  password!: string;

  @Field({ description: '1..80 characters' })
  displayName!: string;

  @Field(() => TimeZoneScalar)
  timeZone!: string;
}
