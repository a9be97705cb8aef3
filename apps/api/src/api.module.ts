import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { AccountsModule, Authenticator, NotificationsModule, ProfilesModule } from '@app/domain';
import { CONFIG, ConfigModule, DatabaseModule, LOGGER, LoggingModule, QueueModule, type Config } from '@app/platform';
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
import { NotificationResolver } from './notifications/notification.resolver.js';

const domainModules = [AccountsModule, NotificationsModule, ProfilesModule];

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
        ...domainModules,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [GraphQLSupportModule],
          inject: [CONFIG, LOGGER, Authenticator, DataLoaderFactory],
          useFactory: (cfg: Config, log: Logger, authenticator: Authenticator, loaders: DataLoaderFactory) =>
            graphqlOptions({ config: cfg, logger: log, authenticator, loaders }),
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
      ],
    };
  }
}
