import 'reflect-metadata';
import { dataSourceOptions, loadConfigOrExit, migrateDatabase } from '@app/platform';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DataSource } from 'typeorm';
import { progressBar } from './seed/progress-bar.js';
import { demoProgramAdmin, seedDemoProgram } from './seed/demo-program.js';
import { demoAccountsOf, seedDemoData, type DemoAccount } from './seed/seed-demo-data.js';

/**
 * `npm start`: migrate, seed demo data into an empty database, then run the api,
 * the indexer and the worker as three processes until Ctrl-C, which stops all three
 * gracefully (each finishes in-flight requests and jobs).
 */
const config = loadConfigOrExit();
const say = (line: string): void => void process.stdout.write(`${line}\n`);

await migrateDatabase(config);

const DEMO = { mentors: 400, mentees: 150, seed: 1 };

/** Seeds an empty database; returns the demo accounts to print (also when seeded before). */
async function seedWhenEmpty(): Promise<DemoAccount[]> {
  if (!config.SEED_DEMO) return [];
  const db = new DataSource(dataSourceOptions(config, 4));
  await db.initialize();
  try {
    const [{ users }] = await db.query<[{ users: number }]>('SELECT count(*)::int AS users FROM users');
    if (users > 0) return [...(await demoAccountsOf(db, DEMO)), ...(await demoProgramAdmin(db))];
    say(`Seeding demo data: ${DEMO.mentors} mentors, ${DEMO.mentees} mentees, and a program…`);
    const { demoAccounts } = await seedDemoData(db, { ...DEMO, onProgress: progressBar() });
    return [...demoAccounts, await seedDemoProgram(config, DEMO.seed)];
  } finally {
    await db.destroy();
  }
}

const demoAccounts = await seedWhenEmpty();

const apps = ['api', 'indexer', 'worker'] as const;
const children = new Map<string, ChildProcess>();
let stopping = false;

function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  say('Stopping api, indexer and worker…');
  for (const child of children.values()) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, 15_000);
  force.unref();
  void Promise.all(
    [...children.values()].map((child) =>
      child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve(),
    ),
  ).then(() => process.exit(code));
}

for (const app of apps) {
  const entry = fileURLToPath(new URL(`../apps/${app}/src/main.js`, import.meta.url));
  const child = spawn(process.execPath, [entry], { stdio: 'inherit', env: process.env });
  children.set(app, child);
  child.once('exit', (code, signal) => {
    if (!stopping) {
      say(`${app} exited (${signal ?? code}); stopping the rest.`);
      stopAll(1);
    }
  });
}

process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
for (let attempt = 0; attempt < 120 && !stopping; attempt++) {
  const up = await fetch(`${url}/health/ready`).then(
    (res) => res.ok,
    () => false,
  );
  if (up) {
    say(`\nMentorbridge is running. GraphQL: ${url}/graphql  (GraphiQL: ${url}/graphiql)`);
    if (demoAccounts.length > 0) {
      say('Demo accounts (sign in with the signIn mutation):');
      for (const account of demoAccounts) {
        say(`  ${account.role.padEnd(6)}  ${account.email}  password: ${account.password}  (${account.displayName})`);
      }
    }
    say('Press Ctrl-C to stop.\n');
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
