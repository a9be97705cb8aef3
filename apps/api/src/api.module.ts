import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import {
  AccountsModule,
  AuthenticatorService,
  MentorshipsModule,
  NotificationsModule,
  ProfilesModule,
  RequestsModule,
  TaxonomyModule,
  WebhooksModule,
} from '@app/domain';
import { SearchModule } from '@app/domain';
import {
  CONFIG,
  ConfigModule,
  DatabaseModule,
  LIVE_EMITTER,
  LiveModule,
  LOGGER,
  LoggingModule,
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
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsService } from './metrics/metrics.service.js';
import { MentorProfileCapacityResolver } from './mentorships/mentor-profile-capacity.resolver.js';
import { MentorshipResolver } from './mentorships/mentorship.resolver.js';
import { EmailPreferenceResolver } from './notifications/email-preference.resolver.js';
import { NotificationResolver } from './notifications/notification.resolver.js';
import { MenteeProfileResolver } from './profiles/mentee-profile.resolver.js';
import { MentorProfileResolver } from './profiles/mentor-profile.resolver.js';
import { UserProfilesResolver } from './profiles/user-profiles.resolver.js';
import { MentorshipRequestLinkResolver } from './requests/mentorship-request-link.resolver.js';
import { MentorshipRequestResolver } from './requests/request.resolver.js';
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
  WebhooksModule,
];

/** Per-request building blocks the GraphQL context needs. */
@Module({ imports: domainModules, providers: [DataLoaderFactory], exports: [DataLoaderFactory, ...domainModules] })
class GraphQLSupportModule {}

@Module({})
export class ApiModule {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        DatabaseModule.forRoot(config),
        QueueModule,
        LiveModule,
        ...domainModules,
        SearchEngineModule.forRoot(config),
        SearchModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [GraphQLSupportModule],
          inject: [CONFIG, LOGGER, AuthenticatorService, DataLoaderFactory, LIVE_EMITTER],
          useFactory: (
            cfg: Config,
            log: Logger,
            authenticator: AuthenticatorService,
            loaders: DataLoaderFactory,
            emitter: LiveEmitter,
          ) => graphqlOptions({ config: cfg, logger: log, authenticator, loaders, emitter }),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        MetricsService,
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
        WebhookResolver,
        UserWebhooksResolver,
      ],
    };
  }
}
