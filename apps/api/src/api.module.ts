import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import {
  AccountsModule,
  AuthenticatorService,
  FeedbackModule,
  GroupsModule,
  MentorshipsModule,
  NotificationsModule,
  ProfilesModule,
  ProgramsModule,
  RequestsModule,
  SchedulingModule,
  TaxonomyModule,
  WebhooksModule,
} from '@app/domain';
import { SearchModule } from '@app/domain';
import {
  CONFIG,
  coreModules,
  LIVE_EMITTER,
  LiveModule,
  LOGGER,
  PointsBudgetService,
  QueueModule,
  type Config,
  type LiveEmitter,
} from '@app/platform';
import { SearchEngineModule } from '@app/platform';
import type { Logger } from 'pino';
import { ApiTokenResolver } from './accounts/api-token.resolver.js';
import { AuthResolver } from './accounts/auth.resolver.js';
import { UserResolver } from './accounts/user.resolver.js';
import { AuthGuard } from './auth/auth.guard.js';
import { DataLoaderFactory } from './graphql/dataloaders.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { CheckInResolver } from './feedback/check-in.resolver.js';
import { MentorshipHealthResolver } from './feedback/mentorship-health.resolver.js';
import { SessionCheckInsResolver } from './feedback/session-check-ins.resolver.js';
import { MentorReviewsResolver } from './feedback/mentor-reviews.resolver.js';
import { MentorshipReviewsResolver } from './feedback/mentorship-reviews.resolver.js';
import { ReviewModerationResolver } from './feedback/review-moderation.resolver.js';
import { ReviewResolver } from './feedback/review.resolver.js';
import { OperationGate } from './graphql/operation-gate.js';
import { HealthController } from './health/health.controller.js';
import { MetricsEndpoint } from './metrics/metrics-endpoint.js';
import { MetricsService } from './metrics/metrics.service.js';
import { MentorshipGroupResolver } from './groups/group.resolver.js';
import { MentorshipGroupSessionsResolver } from './groups/group-sessions.resolver.js';
import { SessionGroupResolver } from './groups/session-group.resolver.js';
import { MentorshipGroupLinkResolver } from './groups/mentorship-group-link.resolver.js';
import { MentorProfileGroupsResolver } from './groups/mentor-profile-groups.resolver.js';
import { MentorshipRequestGroupResolver } from './groups/request-group.resolver.js';
import { MentorProfileCapacityResolver } from './mentorships/mentor-profile-capacity.resolver.js';
import { MentorshipResolver } from './mentorships/mentorship.resolver.js';
import { EmailPreferenceResolver } from './notifications/email-preference.resolver.js';
import { NotificationResolver } from './notifications/notification.resolver.js';
import { MenteeProfileResolver } from './profiles/mentee-profile.resolver.js';
import { MentorProfileResolver } from './profiles/mentor-profile.resolver.js';
import { UserProfilesResolver } from './profiles/user-profiles.resolver.js';
import { EnrollmentResolver } from './programs/enrollment.resolver.js';
import { MatchingRoundResolver } from './programs/matching-round.resolver.js';
import { MentorshipProgramResolver } from './programs/mentorship-program.resolver.js';
import { ProgramMetricsCsvController } from './programs/program-metrics-csv.controller.js';
import { OrganizationResolver } from './programs/organization.resolver.js';
import { ProgramResolver } from './programs/program.resolver.js';
import { MentorshipRequestLinkResolver } from './requests/mentorship-request-link.resolver.js';
import { MentorshipRequestResolver } from './requests/request.resolver.js';
import { AvailabilityResolver } from './scheduling/availability.resolver.js';
import { CalendarFeedController } from './scheduling/calendar-feed.controller.js';
import { CalendarFeedResolver } from './scheduling/calendar-feed.resolver.js';
import { MentorshipSessionsResolver } from './scheduling/mentorship-sessions.resolver.js';
import { SessionResolver } from './scheduling/session.resolver.js';
import { SlotsResolver } from './scheduling/slots.resolver.js';
import { CallerBudget } from './rate-limit/caller-budget.js';
import { RateLimitResolver } from './rate-limit/rate-limit.resolver.js';
import { SearchResolver } from './search/search.resolver.js';
import { LiveResolver } from './subscriptions/live.resolver.js';
import { TaxonomyResolver } from './taxonomy/taxonomy.resolver.js';
import { UserWebhooksResolver } from './webhooks/user-webhooks.resolver.js';
import { WebhookResolver } from './webhooks/webhook.resolver.js';

const domainModules = [
  AccountsModule,
  NotificationsModule,
  ProfilesModule,
  TaxonomyModule,
  MentorshipsModule,
  RequestsModule,
  FeedbackModule,
  GroupsModule,
  SchedulingModule,
  ProgramsModule,
  WebhooksModule,
];

/** Per-request building blocks the GraphQL context needs. */
@Module({
  imports: domainModules,
  providers: [DataLoaderFactory, PointsBudgetService, CallerBudget, OperationGate],
  exports: [DataLoaderFactory, OperationGate, ...domainModules],
})
class GraphQLSupportModule {}

@Module({})
export class ApiModule {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ...coreModules(config, logger),
        QueueModule,
        LiveModule,
        ...domainModules,
        SearchEngineModule.forRoot(config),
        SearchModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [GraphQLSupportModule],
          inject: [CONFIG, LOGGER, AuthenticatorService, DataLoaderFactory, LIVE_EMITTER, OperationGate],
          useFactory: (
            cfg: Config,
            log: Logger,
            authenticator: AuthenticatorService,
            loaders: DataLoaderFactory,
            emitter: LiveEmitter,
            gate: OperationGate,
          ) => graphqlOptions({ config: cfg, logger: log, authenticator, loaders, emitter, gate }),
        }),
      ],
      controllers: [HealthController, CalendarFeedController, ProgramMetricsCsvController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        MetricsService,
        MetricsEndpoint,
        RateLimitResolver,
        AuthResolver,
        UserResolver,
        ApiTokenResolver,
        NotificationResolver,
        MentorProfileResolver,
        MenteeProfileResolver,
        UserProfilesResolver,
        TaxonomyResolver,
        SearchResolver,
        MentorshipRequestResolver,
        MentorshipRequestLinkResolver,
        MentorshipResolver,
        MentorProfileCapacityResolver,
        EmailPreferenceResolver,
        LiveResolver,
        ReviewResolver,
        ReviewModerationResolver,
        MentorReviewsResolver,
        MentorshipReviewsResolver,
        CheckInResolver,
        SessionCheckInsResolver,
        MentorshipHealthResolver,
        MentorshipGroupResolver,
        MentorProfileGroupsResolver,
        MentorshipRequestGroupResolver,
        MentorshipGroupSessionsResolver,
        SessionGroupResolver,
        MentorshipGroupLinkResolver,
        AvailabilityResolver,
        SlotsResolver,
        SessionResolver,
        MentorshipSessionsResolver,
        CalendarFeedResolver,
        OrganizationResolver,
        ProgramResolver,
        EnrollmentResolver,
        MatchingRoundResolver,
        MentorshipProgramResolver,
        WebhookResolver,
        UserWebhooksResolver,
      ],
    };
  }
}
