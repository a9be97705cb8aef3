import 'reflect-metadata';
import { AccountRolesService } from '@app/domain';
import { dataSourceOptions, loadConfigOrExit, migrateDatabase } from '@app/platform';
import { DataSource } from 'typeorm';
import { runAdminCommand } from './admin/admin-command.js';

/** `npm run admin -- grant <email>`: gives an account the ADMIN role (revoke takes it back). */
const config = loadConfigOrExit();
await migrateDatabase(config);
const db = new DataSource(dataSourceOptions(config, 1));
await db.initialize();
try {
  const { code, message } = await runAdminCommand(process.argv.slice(2), new AccountRolesService(db));
  (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
  process.exitCode = code;
} finally {
  await db.destroy();
}
