import 'reflect-metadata';
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import { appEnv, startApps, startProcess, stopApps, waitForHealthy } from './app-processes.js';
import { benchConfig } from './bench-config.js';
import { publishedMentorIds, seededDatabase } from './seeded-database.js';

/**
 * npm run bench:api [-- --mentors 2000 --duration 10 --connections 20]
 *
 * Requests per second of `mentor(id)` over GraphQL (the api, from dist, with every limit
 * on: cost, budget spent in Redis, auth guard) against a bare Fastify route in a process
 * of its own doing the same read with the same call, in one run, with autocannon.
 */
const { values: args } = parseArgs({
  options: {
    mentors: { type: 'string', default: '2000' },
    duration: { type: 'string', default: '10' },
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
  const results: Record<string, autocannon.Result> = {};
  for (const [name, target] of Object.entries(targets)) {
    const run = (duration: number) =>
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
    await run(2); // warm-up: JIT, pools, caches
    results[name] = await run(Number(args.duration));
  }

  say(`\nmentor(id), ${args.connections} connections, ${args.duration} s each, ${ids.length} mentor ids in rotation`);
  say('| target | req/s | p50 ms | p90 ms | p99 ms | non-2xx |');
  say('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, result] of Object.entries(results)) {
    say(
      `| ${name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p90} | ${result.latency.p99} | ${result.non2xx} |`,
    );
  }
  const [graphql, baseline] = Object.values(results);
  say(`\nGraphQL / bare req/s: ${(graphql.requests.average / baseline.requests.average).toFixed(2)}x (target >= 0.6x)`);
  say(`GraphQL layer's added latency at p50: ${(graphql.latency.p50 - baseline.latency.p50).toFixed(2)} ms`);
} finally {
  await stopApps([...apps, bare]);
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
