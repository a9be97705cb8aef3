import { Args, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { EmailPreferencesService, type Principal } from '@app/domain';
import { Viewer } from '../auth/viewer.decorator.js';

@ObjectType('EmailPreference')
export class EmailPreferenceType {
  @Field({ description: 'a notification type, e.g. REQUEST_RECEIVED' })
  type!: string;

  @Field()
  enabled!: boolean;
}

@Resolver(() => EmailPreferenceType)
export class EmailPreferenceResolver {
  constructor(private readonly preferences: EmailPreferencesService) {}

  @Query(() => [EmailPreferenceType], { description: 'whether each notification type is also emailed to me' })
  emailPreferences(@Viewer() viewer: Principal): Promise<EmailPreferenceType[]> {
    return this.preferences.list(viewer.userId);
  }

  @Mutation(() => Boolean, { description: 'turns email on or off for one notification type' })
  async setEmailPreference(
    @Viewer() viewer: Principal,
    @Args('type') type: string,
    @Args('enabled') enabled: boolean,
  ): Promise<boolean> {
    await this.preferences.set(viewer.userId, type, enabled);
    return enabled;
  }
}
