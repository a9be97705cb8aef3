import { loadConfigOrExit, migrateDatabase } from '@app/platform';

const config = loadConfigOrExit();
const applied = await migrateDatabase(config);
process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
