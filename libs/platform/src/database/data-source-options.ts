import type { DataSourceOptions } from 'typeorm';
import type { Config } from '../config/index.js';
import { migrations } from './migrations/index.js';

/** One definition of how every process talks to PostgreSQL; never `synchronize`. */
export function dataSourceOptions(config: Config, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    poolSize,
    extra: { application_name: 'mentorbridge' },
  };
}
