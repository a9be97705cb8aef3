import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Cadence, Channel, MentorshipFormat } from '@app/domain';

registerEnumType(Cadence, { name: 'Cadence' });
registerEnumType(Channel, { name: 'Channel' });

/** The terms a request proposes and its mentorship keeps: declared once for both types. */
@ObjectType({ isAbstract: true })
export abstract class MentorshipTermsType {
  @Field(() => MentorshipFormat)
  format!: MentorshipFormat;

  @Field(() => Cadence)
  cadence!: Cadence;

  @Field(() => Channel)
  channel!: Channel;
}
