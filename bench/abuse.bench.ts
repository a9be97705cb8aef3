import 'reflect-metadata';
import { DEMO_PASSWORD } from '../scripts/seed/seed-demo-data.js';
import { createRedis } from '@app/platform';
import { parseArgs } from 'node:util';
import { startApps, stopApps, waitForHealthy } from './app-processes.js';
import { benchConfig } from './bench-config.js';
import { runClients, type LatencyReport } from './latency.js';
import { publishedMentorIds, seededDatabase } from './seeded-database.js';

/**
 * npm run bench:abuse [-- --mentors 2000 --requests 4000 --clients 20 --attackers 4]
 *
 * 20 signed-in clients read `mentor(id)`, first alone, then while one signed-in attacker
 * (with `--attackers` requests in flight) sends the dearest operations the limits still let
 * through: 98 aliased searches (cost 9,898) and 4 aliased sign-ins (4 argon2id hashes), each
 * just under GRAPHQL_MAX_COST, until its budget is spent and after. Prints both p95s.
 */
const { values: args } = parseArgs({
  options: {
    mentors: { type: 'string', default: '2000' },
    requests: { type: 'string', default: '4000' },
    clients: { type: 'string', default: '20' },
    attackers: { type: 'string', default: '4' },
    database: { type: 'string', default: 'mentorbridge_bench_edge' },
    port: { type: 'string', default: '3101' },
  },
});
const port = Number(args.port);
const clients = Number(args.clients);
const config = benchConfig(args.database);
const url = `http://127.0.0.1:${port}/graphql`;
const say = (line: string) => process.stdout.write(`${line}\n`);

const db = await seededDatabase(config, Number(args.mentors));
const ids = await publishedMentorIds(db);
const emails = (
  await db.query<Array<{ email: string }>>(`SELECT email FROM users ORDER BY email LIMIT $1`, [clients + 1])
).map((row) => row.email);
// The attacker's wrong passwords of an earlier run would still throttle these sign-ins (per email and address).
await db.query('DELETE FROM sign_in_failures');
await db.destroy();

// Budgets start whole; every caller here signs in from one address, so that address may afford the sign-ins.
const redis = createRedis(config.REDIS_URL, 'consumer');
const stale = await redis.keys(`${config.QUEUE_PREFIX}:budget:*`);
if (stale.length > 0) await redis.del(...stale);
redis.disconnect();
const apps = startApps(config, port, { env: { RATE_LIMIT_ANONYMOUS_POINTS: String(2100 * (clients + 1)) } });

interface Answer {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ extensions?: { code?: string } }> };
}
async function gql(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

try {
  await waitForHealthy(`http://127.0.0.1:${port}`);
  const tokens: string[] = [];
  for (const email of emails) {
    const signedIn = await gql(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { accessToken } }',
      {
        e: email,
        p: DEMO_PASSWORD,
      },
    );
    if (!signedIn.body.data) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.body.errors)}`);
    tokens.push(signedIn.body.data.signIn.accessToken as string);
  }
  const attackerToken = tokens.pop()!;

  const CHEAP = 'query Mentor($id: ID!) { mentor(id: $id) { id headline yearsOfExperience } }';
  const cheapRun = (): Promise<LatencyReport> =>
    runClients(clients, Number(args.requests), async (i) => {
      const answer = await gql(CHEAP, { id: ids[i % ids.length] }, tokens[i % tokens.length]);
      if (answer.status !== 200 || answer.body.errors)
        throw new Error(`cheap query failed: ${JSON.stringify(answer.body)}`);
    });

  const searches = Array.from({ length: 98 }, (_, i) => `s${i}: searchMentors(query: "data", first: 1) { totalCount }`);
  const signIns = Array.from(
    { length: 4 },
    (_, i) => `h${i}: signIn(email: "${emails[i]}", password: "wrong password") { accessToken }`,
  );
  const DEAR = [`{ ${searches.join(' ')} }`, `mutation { ${signIns.join(' ')} }`];
  const outcomes = new Map<string, number>();
  let attacking = true;
  const attack = async (): Promise<void> => {
    for (let i = 0; attacking; i++) {
      const answer = await gql(DEAR[i % DEAR.length], {}, attackerToken);
      const outcome = `${answer.status} ${answer.body.errors?.[0]?.extensions?.code ?? 'ok'}`;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
  };

  await cheapRun(); // warm-up
  const alone = await cheapRun();
  const attacker = Promise.all(Array.from({ length: Number(args.attackers) }, attack));
  const underAttack = await cheapRun();
  attacking = false;
  await attacker;

  say(`\n${clients} clients, ${args.requests} mentor(id) reads per run; attacker with ${args.attackers} in flight`);
  say('| cheap clients | reqs | p50 ms | p95 ms | p99 ms | req/s |');
  say('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, report] of [
    ['alone', alone],
    ['under attack', underAttack],
  ] as const) {
    say(`| ${name} | ${report.requests} | ${report.p50} | ${report.p95} | ${report.p99} | ${report.throughput} |`);
  }
  say(`\nattacker's answers: ${[...outcomes].map(([outcome, count]) => `${outcome} ×${count}`).join(', ')}`);
  say(`p95 under attack / alone: ${(underAttack.p95 / alone.p95).toFixed(2)}x (target <= 2x)`);
} finally {
  await stopApps(apps);
}
