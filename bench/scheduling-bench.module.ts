import { Module, type DynamicModule } from '@nestjs/common';
import { AccountsModule, GroupsModule, ProfilesModule, RequestsModule, SchedulingModule } from '@app/domain';
import { coreModules, LiveModule, MailModule, QueueModule, type Config } from '@app/platform';
import type { Logger } from 'pino';

/** The domain services the scheduling bench drives in process; the api it asks over HTTP runs apart. */
@Module({})
export class SchedulingBenchModule {
  static forRoot(config: Config, logger: Logger): DynamicModule {
    return {
      module: SchedulingBenchModule,
      imports: [
        ...coreModules(config, logger),
        QueueModule,
        LiveModule,
        MailModule,
        AccountsModule,
        ProfilesModule,
        RequestsModule,
        GroupsModule,
        SchedulingModule,
      ],
    };
  }
}
