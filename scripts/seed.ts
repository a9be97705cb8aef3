import 'reflect-metadata';
import { dataSourceOptions, loadConfigOrExit, migrateDatabase } from '@app/platform';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { progressBar } from './seed/progress-bar.js';
import { seedDemoData } from './seed/seed-demo-data.js';

/** `npm run seed -- --mentors N --mentees M [--seed S]`: bulk-loads realistic demo data. */
const USAGE = 'usage: npm run seed -- --mentors N --mentees M [--seed S]';

function count(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10_000_000) {
    process.stderr.write(`--${name} must be a whole number from 0 to 10000000\n${USAGE}\n`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: { mentors: { type: 'string' }, mentees: { type: 'string' }, seed: { type: 'string' } },
});
const options = {
  mentors: count(values.mentors, 'mentors', 100),
  mentees: count(values.mentees, 'mentees', 50),
  seed: count(values.seed, 'seed', 1),
};

const config = loadConfigOrExit();
await migrateDatabase(config);
const db = new DataSource(dataSourceOptions(config, 4));
await db.initialize();
const started = performance.now();
try {
  const { demoAccounts } = await seedDemoData(db, { ...options, onProgress: progressBar() });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Seeded ${options.mentors} mentors and ${options.mentees} mentees (seed ${options.seed}) in ${seconds}s.\n`,
  );
  process.stdout.write('Demo accounts:\n');
  for (const account of demoAccounts) {
    process.stdout.write(
      `  ${account.role.padEnd(6)}  ${account.email}  password: ${account.password}  (${account.displayName})\n`,
    );
  }
} catch (error) {
  process.stderr.write(`Seeding failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
