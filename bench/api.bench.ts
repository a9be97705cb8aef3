import 'reflect-metadata';
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { appEnv, startApps, startProcess, stopApps, waitForHealthy } from './app-processes.js';
import { benchConfig } from './bench-config.js';
import { publishedMentorIds, seededDatabase } from './seeded-database.js';

/**
 * npm run bench:api [-- --mentors 2000 --duration 10 --rounds 5 --connections 20]
 *
 * Requests per second of `mentor(id)` over GraphQL (the api, from dist, with every limit
 * on: cost, budget spent in Redis, auth guard) against a bare Fastify route in a process
 * of its own doing the same read with the same call, in one run, with autocannon. Each
 * target is driven for `duration` seconds in all, in `rounds` slices taken in turns, so a
 * burst of other work on a shared machine weighs on both alike.
 */
const { values: args } = parseArgs({
  options: {
    mentors: { type: 'string', default: '2000' },
    duration: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '20' },
    database: { type: 'string', default: 'mentorbridge_bench_edge' },
    port: { type: 'string', default: '3101' },
  },
});
const port = Number(args.port);
const config = benchConfig(args.database);
const say = (line: string) => process.stdout.write(`${line}\n`);

const db = await seededDatabase(config, Number(args.mentors));
const ids = await publishedMentorIds(db);
await db.destroy();

// One client address makes every request: a budget large enough never to refuse, still spent per request.
const budgets = { RATE_LIMIT_ANONYMOUS_POINTS: '1000000000' };
const apps = startApps(config, port, { env: budgets });
const bare = startProcess('dist/bench/bare-mentor-server.js', appEnv(config, port + 1, budgets));
try {
  await waitForHealthy(`http://127.0.0.1:${port}`);
  await waitForBare(`http://127.0.0.1:${port + 1}/mentors/${ids[0]}`);

  let next = 0;
  const nextId = () => ids[next++ % ids.length];
  const QUERY = 'query Mentor($id: ID!) { mentor(id: $id) { id headline yearsOfExperience } }';
  const targets = {
    'GraphQL mentor(id)': {
      url: `http://127.0.0.1:${port}/graphql`,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      setupRequest: (request: autocannon.Request) => ({
        ...request,
        body: JSON.stringify({ query: QUERY, variables: { id: nextId() } }),
      }),
    },
    'bare Fastify route': {
      url: `http://127.0.0.1:${port + 1}`,
      method: 'GET' as const,
      setupRequest: (request: autocannon.Request) => ({ ...request, path: `/mentors/${nextId()}` }),
    },
  };
  const run = (target: (typeof targets)[keyof typeof targets], duration: number) =>
    autocannon({
      url: target.url,
      connections: Number(args.connections),
      duration,
      requests: [
        {
          method: target.method,
          headers: 'headers' in target ? target.headers : {},
          setupRequest: target.setupRequest,
        },
      ],
    });
  const rounds = Number(args.rounds);
  const results = Object.fromEntries(Object.keys(targets).map((name) => [name, [] as autocannon.Result[]]));
  for (const target of Object.values(targets)) await run(target, 2); // warm-up: JIT, pools, caches
  for (let round = 0; round < rounds; round++) {
    for (const [name, target] of Object.entries(targets)) {
      results[name].push(await run(target, Number(args.duration) / rounds));
    }
  }

  say(
    `\nmentor(id), ${args.connections} connections, ${args.duration} s each in ${rounds} rounds taken in turns, ${ids.length} mentor ids in rotation`,
  );
  say('| target | req/s | p50 ms | p90 ms | p99 ms | non-2xx |');
  say('| --- | ---: | ---: | ---: | ---: | ---: |');
  const summaries = Object.entries(results).map(([name, slices]) => {
    const summary = summarise(slices);
    say(
      `| ${name} | ${Math.round(summary.rate)} | ${summary.p50} | ${summary.p90} | ${summary.p99} | ${summary.non2xx} |`,
    );
    return summary;
  });
  const [graphql, baseline] = summaries;
  say(`\nGraphQL / bare req/s: ${(graphql.rate / baseline.rate).toFixed(2)}x (target >= 0.6x)`);
  say(`GraphQL layer's added latency at p50: ${(graphql.p50 - baseline.p50).toFixed(2)} ms`);
} finally {
  await stopApps([...apps, bare]);
}

/** Requests per second over all rounds; each latency percentile as the median of the rounds'. */
function summarise(slices: autocannon.Result[]) {
  const median = (pick: (result: autocannon.Result) => number): number => {
    const sorted = slices.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const sum = (pick: (result: autocannon.Result) => number): number =>
    slices.reduce((total, result) => total + pick(result), 0);
  return {
    rate: sum((result) => result.requests.total) / sum((result) => result.duration),
    p50: median((result) => result.latency.p50),
    p90: median((result) => result.latency.p90),
    p99: median((result) => result.latency.p99),
    non2xx: sum((result) => result.non2xx),
  };
}

async function waitForBare(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (
      await fetch(url).then(
        (res) => res.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`bare server at ${url} did not answer`);
}
