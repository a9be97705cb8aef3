import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ProgramsModule } from '@app/domain';
import { coreModules, createLogger, type Config } from '@app/platform';

@Module({})
class ProgramsScriptModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: ProgramsScriptModule,
      imports: [...coreModules(config, createLogger('script', config.LOG_LEVEL)), ProgramsModule],
    };
  }
}

/** The programs context's services outside the api, for the demo seed and the matching bench. */
export async function programsContext(config: Config): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(ProgramsScriptModule.forRoot(config), { logger: false });
}
