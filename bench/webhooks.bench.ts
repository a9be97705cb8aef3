import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ALL_WEBHOOK_EVENTS, RequestsModule, RequestsService } from '@app/domain';
import {
  ConfigModule,
  createLogger,
  DatabaseModule,
  dataSourceOptions,
  LoggingModule,
  migrateDatabase,
  QUEUES,
  sealSecret,
  type Config,
} from '@app/platform';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { seedDemoData } from '../scripts/seed/seed-demo-data.js';
import { startApps, stopApps } from './app-processes.js';
import { benchConfig } from './bench-config.js';
import { summarise } from './latency.js';
import { startSink, type Arrival } from './webhook-sink.js';

/**
 * npm run bench:webhooks [-- --mentees 400 --per-mentee 3 --latency-events 200 --rate 20
 *                           --database mentorbridge_bench_webhooks --redis redis://127.0.0.1:6379/12]
 *
 * Seeds mentors and mentees, gives every one of them a webhook to a local receiver, then:
 * 1. throughput: with the worker stopped, each mentee sends `per-mentee` requests (each
 *    event goes to the mentee's and the mentor's webhooks); the worker (its own process)
 *    starts and the receiver times the whole backlog from first to last arrival;
 * 2. latency: with the worker running, requests are sent at `rate` per second, and each
 *    delivery is timed from the commit of its event to its arrival;
 *    then the same rows again, already fanned out, to time the ordered senders alone;
 * 3. baseline: the same number of POSTs as step 1, as bare BullMQ jobs in a process of
 *    their own (bench/bare-post-worker.ts) with the same concurrency, timed the same way.
 */
const { values: args } = parseArgs({
  options: {
    mentors: { type: 'string', default: '40' },
    mentees: { type: 'string', default: '400' },
    'per-mentee': { type: 'string', default: '3' },
    'latency-events': { type: 'string', default: '200' },
    rate: { type: 'string', default: '20' },
    database: { type: 'string', default: 'mentorbridge_bench_webhooks' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379/12' },
  },
});
const perMentee = Number(args['per-mentee']);
const latencyEvents = Number(args['latency-events']);
const config = benchConfig(args.database, args.redis);
const logger = createLogger('bench', 'warn');
const say = (line: string) => process.stdout.write(`${line}\n`);
const round = (n: number) => Math.round(n * 10) / 10;

/** Just enough of the app to commit requests the way the api does (state + outbox event in one transaction). */
@Module({})
class BenchWritesModule {
  static forRoot(cfg: Config): DynamicModule {
    return {
      module: BenchWritesModule,
      imports: [ConfigModule.forRoot(cfg), LoggingModule.forRoot(logger), DatabaseModule.forRoot(cfg), RequestsModule],
    };
  }
}

await migrateDatabase(config);
const db = await new DataSource(dataSourceOptions(config, 10)).initialize();
const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
const BARE_QUEUE = 'bench-bare-posts';
for (const name of [...Object.values(QUEUES), BARE_QUEUE]) {
  const queue = new Queue(name, { connection: redis, prefix: config.QUEUE_PREFIX });
  await queue.obliterate({ force: true });
  await queue.close();
}
// Each run starts from nothing: this bench owns its database.
await db.query(`TRUNCATE users, outbox_events RESTART IDENTITY CASCADE`);
await seedDemoData(db, { mentors: Number(args.mentors), mentees: Number(args.mentees), seed: 11 });
await db.query(`UPDATE outbox_events SET published_at = now() WHERE published_at IS NULL`);

const sink = await startSink();
const mentees = await db.query<Array<{ id: string }>>(`SELECT user_id AS id FROM mentee_profiles ORDER BY user_id`);
const mentors = await db.query<Array<{ id: string; userId: string }>>(
  `SELECT id, user_id AS "userId" FROM mentor_profiles WHERE status = 'PUBLISHED' AND 'ONE_ON_ONE' = ANY(formats)
    ORDER BY id`,
);
const sealed = sealSecret(config.WEBHOOK_SECRET_KEY, 'whsec_bench');
await db.query(
  `INSERT INTO webhooks (user_id, url, events, secret_sealed)
   SELECT u, $2, $3, $4 FROM unnest($1::uuid[]) AS u`,
  [[...mentees.map((m) => m.id), ...mentors.map((m) => m.userId)], sink.url, ALL_WEBHOOK_EVENTS, sealed],
);
// Room for every request this run sends: capacity only matters to accepts, but the pending limit and uniqueness do.
await db.query(`UPDATE mentor_profiles SET max_active_mentees = 50`);
say(`${mentees.length} mentees, ${mentors.length} mentors, ${mentees.length + mentors.length} webhooks`);

const context = await NestFactory.createApplicationContext(BenchWritesModule.forRoot(config), { logger: false });
const requests = context.get(RequestsService);
const send = (menteeId: string, round: number, index: number) =>
  requests.send(menteeId, {
    mentorId: mentors[(index * 7 + round * 13) % mentors.length].id,
    goals: [{ title: 'Lead my first team', successCriteria: 'Run planning for a quarter', targetDate: null }],
    motivation: 'You have led teams through the same growth I am facing, and your talks on design helped me.',
    format: 'ONE_ON_ONE',
    cadence: 'BIWEEKLY',
    channel: 'VIDEO',
    durationWeeks: 12,
    topics: ['leadership'],
    confidentialityNote: null,
  });
const workerEnv = { NODE_ENV: 'development' }; // plain http to the loopback receiver is allowed outside production

// 1. Throughput over a backlog.
for (let round = 0; round < perMentee; round++) {
  await Promise.all(
    Array.from({ length: 8 }, async (_, lane) => {
      for (let i = lane; i < mentees.length; i += 8) await send(mentees[i].id, round, i);
    }),
  );
}
const expected = mentees.length * perMentee * 2;
const worker = startApps(config, 0, { apps: ['worker'], env: workerEnv });
await sink.waitFor(expected, 300_000);
const backlog = sink.arrivals.slice(0, expected);
const ours = (expected / (backlog.at(-1)!.at - backlog[0].at)) * 1000;

// 1b. The senders alone: the same rows again, already fanned out, every webhook woken at once.
const sendersStart = sink.arrivals.length;
await db.query(
  `INSERT INTO webhook_deliveries (webhook_id, event_id, event, body)
   SELECT webhook_id, gen_random_uuid(), event, body FROM webhook_deliveries ORDER BY seq`,
);
const wake = new Queue(QUEUES.webhookDeliveries, { connection: redis, prefix: config.QUEUE_PREFIX });
const hookIds = await db.query<Array<{ id: string }>>(`SELECT id FROM webhooks`);
await wake.addBulk(
  hookIds.map(({ id }) => ({
    name: 'webhook.deliver',
    data: { name: 'webhook.deliver', payload: { webhookId: id } },
    opts: { jobId: `bench-wake-${id}` },
  })),
);
await sink.waitFor(sendersStart + expected, 300_000);
const senderArrivals = sink.arrivals.slice(sendersStart);
const senders = (expected / (senderArrivals.at(-1)!.at - senderArrivals[0].at)) * 1000;
await wake.close();

// 2. Commit to delivery, at a steady rate.
const committedAt = new Map<string, number>();
const before = sink.arrivals.length;
const outboxIdOf = async (requestId: string) =>
  (
    await db.query<Array<{ uid: string }>>(
      `SELECT uid::text AS uid FROM outbox_events WHERE payload->>'requestId' = $1 ORDER BY id DESC LIMIT 1`,
      [requestId],
    )
  )[0].uid;
const pending: Array<Promise<void>> = [];
for (let i = 0; i < latencyEvents; i++) {
  const mentee = mentees[i % mentees.length].id;
  pending.push(
    send(mentee, perMentee, i).then(async (requestId) => {
      const committed = performance.now();
      committedAt.set(await outboxIdOf(requestId), committed);
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 1000 / Number(args.rate)));
}
await Promise.all(pending);
await sink.waitFor(before + latencyEvents * 2, 60_000);
const latencies = sink.arrivals
  .slice(before)
  .map((arrival: Arrival) => arrival.at - committedAt.get(arrival.id)!)
  .filter((ms) => Number.isFinite(ms));
const latency = summarise(latencies, 1);
await stopApps(worker);

// 3. Baseline: bare BullMQ jobs doing the same POSTs, in their own process.
const bodies = await db.query<Array<{ body: string }>>(`SELECT body FROM webhook_deliveries ORDER BY seq LIMIT $1`, [
  expected,
]);
const bare = new Queue(BARE_QUEUE, { connection: redis, prefix: config.QUEUE_PREFIX });
const baselineStart = sink.arrivals.length;
await bare.addBulk(
  bodies.map(({ body }, n) => ({
    name: 'post',
    data: { url: sink.url, body: JSON.stringify({ ...(JSON.parse(body) as object), id: `bare-${n}` }) },
    opts: { removeOnComplete: true },
  })),
);
const bareWorker = spawn(
  process.execPath,
  [
    'dist/bench/bare-post-worker.js',
    '--redis',
    config.REDIS_URL,
    '--prefix',
    config.QUEUE_PREFIX,
    '--queue',
    BARE_QUEUE,
  ],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
await sink.waitFor(baselineStart + bodies.length, 300_000);
const baselineArrivals = sink.arrivals.slice(baselineStart);
const baseline = (bodies.length / (baselineArrivals.at(-1)!.at - baselineArrivals[0].at)) * 1000;
await stopApps([bareWorker]);
await bare.close();

say(`webhook deliveries, backlog of ${expected}: ${round(ours)} deliveries/s`);
say(`  of which the senders alone (rows already fanned out): ${round(senders)} deliveries/s`);
say(`bare BullMQ POSTs, ${bodies.length}: ${round(baseline)} posts/s`);
say(
  `ratio: ${Math.round((ours / baseline) * 1000) / 1000}x (target >= 0.5x); senders alone ${Math.round((senders / baseline) * 1000) / 1000}x`,
);
say(
  `commit -> delivery (${latencies.length} deliveries at ${args.rate} events/s): p50 ${round(latency.p50)} ms, p95 ${round(latency.p95)} ms, p99 ${round(latency.p99)} ms (target p95 < 1000 ms)`,
);

await context.close();
await sink.close();
await db.destroy();
redis.disconnect();
