import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Config } from '../config/index.js';
import { dataSourceOptions } from './data-source-options.js';
import { SystemSecrets } from './system-secrets.js';
import { UnitOfWork } from './unit-of-work.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(config), autoLoadEntities: true })],
      providers: [UnitOfWork, SystemSecrets],
      exports: [UnitOfWork, SystemSecrets],
    };
  }
}
