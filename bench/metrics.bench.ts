import 'reflect-metadata';
import { dataSourceOptions, migrateDatabase } from '@app/platform';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { startApps, stopApps, waitForHealthy } from './app-processes.js';
import { benchConfig } from './bench-config.js';
import { summarise } from './latency.js';
import { makeAdmin, seedMetricsProgram } from './metrics-program-db.js';

/**
 * npm run bench:metrics [-- --pairs 5000 --sessions 50000 --runs 50 --database mb_metrics_bench --port 3301]
 *
 * Program.metrics through real GraphQL over HTTP (the api from dist, in production mode, with
 * its cost gate, budget and auth guard), as the program's admin, on a program of `pairs`
 * mentorships and `sessions` sessions seeded with SQL. Beside it, in the same run and the same
 * way, a trivial `program { id name }` read: the ratio is what the figures cost over the
 * request itself. Requests go one at a time, so the times are latencies, not queueing.
 */
const { values: args } = parseArgs({
  options: {
    pairs: { type: 'string', default: '5000' },
    sessions: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '50' },
    database: { type: 'string', default: 'mb_metrics_bench' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379/10' },
    port: { type: 'string', default: '3301' },
    'metrics-port': { type: 'string', default: '9481' },
  },
});
const runs = Number(args.runs);
const port = Number(args.port);
const config = { ...benchConfig(args.database, args.redis), METRICS_PORT: Number(args['metrics-port']) };
const say = (line: string) => process.stdout.write(`${line}\n`);

await migrateDatabase(config);
const db = await new DataSource(dataSourceOptions(config, 2)).initialize();
const seedStarted = performance.now();
const programId = await seedMetricsProgram(db, Number(args.pairs), Number(args.sessions));
const seedMs = performance.now() - seedStarted;
const [sizes] = await db.query<Array<{ pairs: number; sessions: number; held: number; checkIns: number }>>(
  `SELECT (SELECT count(*) FROM mentorships WHERE program_id = $1)::int AS pairs,
          (SELECT count(*) FROM sessions s JOIN mentorships m ON m.id = s.mentorship_id WHERE m.program_id = $1)::int AS sessions,
          (SELECT count(*) FROM sessions s JOIN mentorships m ON m.id = s.mentorship_id
            WHERE m.program_id = $1 AND s.status = 'COMPLETED')::int AS held,
          (SELECT count(*) FROM check_ins c JOIN sessions s ON s.id = c.session_id
             JOIN mentorships m ON m.id = s.mentorship_id WHERE m.program_id = $1)::int AS "checkIns"`,
  [programId],
);

const apps = startApps(config, port, { apps: ['api'], env: { RATE_LIMIT_POINTS: '1000000000' } });
try {
  const url = `http://127.0.0.1:${port}`;
  await waitForHealthy(url);
  const gql = async <T>(query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<{ data?: T; errors?: unknown[] }>;
  };
  const signedUp = await gql<{ signUp: { accessToken: string; user: { id: string } } }>(
    `mutation ($input: SignUpInput!) { signUp(input: $input) { accessToken user { id } } }`,
    {
      input: {
        email: `admin-${Date.now()}@bench-metrics.test`,
        password: 'correct horse battery',
        displayName: 'Bench Admin',
        timeZone: 'Europe/Berlin',
      },
    },
  );
  if (!signedUp.data) throw new Error(`signUp failed: ${JSON.stringify(signedUp.errors)}`);
  const admin = { token: signedUp.data.signUp.accessToken, userId: signedUp.data.signUp.user.id };
  await makeAdmin(db, programId, admin.userId);

  /** What the timed queries answer: the program, with its metrics when asked for. */
  interface ProgramAnswer {
    metrics?: { weekly: unknown[]; csvUrl: string } & Record<string, unknown>;
  }
  const time = async (query: string): Promise<{ samples: number[]; data: ProgramAnswer }> => {
    const samples: number[] = [];
    let data: ProgramAnswer = {};
    for (let run = 0; run < runs + 5; run++) {
      const t0 = performance.now();
      const res = await gql<{ program: ProgramAnswer | null }>(query, { id: programId }, admin.token);
      const ms = performance.now() - t0;
      if (!res.data?.program) throw new Error(`query failed: ${JSON.stringify(res.errors)}`);
      data = res.data.program;
      if (run >= 5) samples.push(ms); // the first five warm the JIT, the pools and the caches
    }
    return { samples, data };
  };
  const METRICS = `query ($id: ID!) { program(id: $id) { metrics {
    mentors mentees matchedMentees activeMentorships sessionsHeld sessionsPerPairPerMonth checkInRate
    averageUsefulness averageGoalProgress completionRate retention30d
    weekly { weekStarting sessionsHeld checkIns activeMentorships } csvUrl } } }`;
  const metrics = await time(METRICS);
  const baseline = await time(`query ($id: ID!) { program(id: $id) { id name } }`);
  const m = summarise(metrics.samples, 1);
  const b = summarise(baseline.samples, 1);
  if (!metrics.data.metrics) throw new Error('Program.metrics answered no figures');
  const { weekly, csvUrl: _csvUrl, ...figures } = metrics.data.metrics;

  say(
    `\nProgram.metrics over GraphQL HTTP: ${sizes.pairs} mentorships, ${sizes.sessions} sessions ` +
      `(${sizes.held} held), ${sizes.checkIns} check-ins, ${weekly.length} weeks; seeded in ${(seedMs / 1000).toFixed(1)} s`,
  );
  say(`${runs} sequential requests each, after 5 warm-up requests`);
  say('| query | p50 ms | p95 ms | p99 ms |');
  say('| --- | ---: | ---: | ---: |');
  say(`| Program.metrics (all fields) | ${m.p50} | ${m.p95} | ${m.p99} |`);
  say(`| program { id name } (baseline) | ${b.p50} | ${b.p95} | ${b.p99} |`);
  say(`\nmetrics / baseline at p50: ${(m.p50 / b.p50).toFixed(1)}x, at p95: ${(m.p95 / b.p95).toFixed(1)}x`);
  say(`p95 ${m.p95} ms (target < 200 ms): ${m.p95 < 200 ? 'met' : 'MISSED'}`);
  say(`figures: ${JSON.stringify(figures)}`);
  if (m.p95 >= 200) process.exitCode = 1;
} finally {
  await stopApps(apps);
  await db.destroy();
}
