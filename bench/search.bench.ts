import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SearchIndexerService, SearchIndexingModule, SearchService } from '@app/domain';
import {
  createLogger,
  dataSourceOptions,
  migrateDatabase,
  SEARCH_ENGINE,
  UnitOfWork,
  type SearchEngine,
  type SearchRequest,
} from '@app/platform';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { progressBar } from '../scripts/seed/progress-bar.js';
import { seedDemoData } from '../scripts/seed/seed-demo-data.js';
import { startApps, stopApps, waitForHealthy } from './app-processes.js';
import { benchConfig } from './bench-config.js';
import { runClients, summarise, type LatencyReport } from './latency.js';
import { naiveSearch } from './naive-ilike.js';
import { QUERY_MIX, SEARCH_QUERY, type MixEntry } from './search-query-mix.js';

/**
 * npm run bench:search [-- --mentors 100000 --requests 3000 --baseline-requests 300 --clients 20]
 *
 * Seeds a dedicated database once, builds the index, starts api + worker + indexer as
 * their own processes, then runs the same query mix three ways with the same number of
 * concurrent clients: searchMentors over HTTP, the engine in-process, and a naive ILIKE
 * baseline. Finally measures how long a committed profile change takes to be searchable.
 */
const { values: args } = parseArgs({
  options: {
    mentors: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '3000' },
    'baseline-requests': { type: 'string', default: '300' },
    clients: { type: 'string', default: '20' },
    freshness: { type: 'string', default: '40' },
    database: { type: 'string', default: 'mentorbridge_bench' },
    port: { type: 'string', default: '3917' },
  },
});
const mentors = Number(args.mentors);
const clients = Number(args.clients);
const port = Number(args.port);
const config = benchConfig(args.database);
const logger = createLogger('bench', 'warn');
const say = (line: string) => process.stdout.write(`${line}\n`);

await migrateDatabase(config);
const db = await new DataSource(dataSourceOptions(config, clients + 5)).initialize();
const context = await NestFactory.createApplicationContext(SearchIndexingModule.forRoot(config, logger), {
  logger: false,
});
const engine = context.get<SearchEngine>(SEARCH_ENGINE);
const draw = progressBar();

const [{ count: existing }] = await db.query<[{ count: number }]>(`SELECT count(*)::int AS count FROM mentor_profiles`);
if (existing === 0) {
  await seedDemoData(db, { mentors, mentees: Math.ceil(mentors / 10), seed: 7, onProgress: draw });
  // The full reindex below covers every seeded profile; relaying their events too would only add load.
  await db.query(`UPDATE outbox_events SET published_at = now() WHERE published_at IS NULL`);
} else if (existing !== mentors) {
  throw new Error(`${args.database} holds ${existing} mentors, not ${mentors}: drop it or pick --database`);
}
const [{ published, indexed }] = await db.query<[{ published: number; indexed: number }]>(
  `SELECT (SELECT count(*)::int FROM mentor_profiles WHERE status = 'PUBLISHED') AS published,
          (SELECT count(*)::int FROM mentor_search_documents) AS indexed`,
);
const indexer = context.get(SearchIndexerService);
await indexer.prepare();
if (indexed !== published) {
  const t0 = performance.now();
  await indexer.reindex(({ done, total }) => draw({ phase: 'reindex', done, total }));
  say(`reindex of ${published} published mentors: ${Math.round(performance.now() - t0)} ms`);
  // Measure the steady state autovacuum reaches soon after a bulk load, for every target
  // alike: freshly written rows carry no hint bits and tables no statistics (measured:
  // about 30% slower per query until then).
  await db.query('VACUUM ANALYZE');
}

const children = startApps(config, port);
const baseUrl = `http://127.0.0.1:${port}`;
try {
  await waitForHealthy(baseUrl);
  const gql = async (entry: MixEntry) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: SEARCH_QUERY(entry.facets), variables: entry.variables }),
    });
    const body = (await res.json()) as {
      errors?: unknown;
      data?: { searchMentors: { pageInfo: { endCursor: string } } };
    };
    if (body.errors || !body.data) throw new Error(`searchMentors failed: ${JSON.stringify(body.errors)}`);
    return body.data.searchMentors;
  };

  // Deep pages start from the cursor a client would hold after walking `depth` pages.
  for (const entry of QUERY_MIX) {
    for (let page = 0; page < (entry.depth ?? 0); page += 1) {
      entry.variables.after = (await gql(entry)).pageInfo.endCursor;
    }
  }
  const search = context.get(SearchService);
  const engineRequests: SearchRequest[] = await Promise.all(
    QUERY_MIX.map((entry) => search.engineRequest({ ...entry.variables, withTotal: true, withFacets: entry.facets })),
  );

  const requests = Number(args.requests);
  const mix = (i: number) => QUERY_MIX[i % QUERY_MIX.length];
  await runClients(clients, QUERY_MIX.length * 4, (i) => gql(mix(i)).then(() => undefined));
  await runClients(clients, QUERY_MIX.length * 4, (i) =>
    engine.search(engineRequests[i % QUERY_MIX.length]).then(() => undefined),
  );

  const engineReport = await runClients(clients, requests, async (i) => {
    await engine.search(engineRequests[i % QUERY_MIX.length]);
  });
  const graphqlReport = await runClients(clients, requests, async (i) => {
    await gql(mix(i));
  });
  const naiveReport = await runClients(clients, Number(args['baseline-requests']), (i) => naiveSearch(db, mix(i)));

  // Event to searchable: commit a change, then poll the engine until the new word is found.
  const uow = context.get(UnitOfWork);
  const ids = await db.query<Array<{ id: string }>>(
    `SELECT id FROM mentor_profiles WHERE status = 'PUBLISHED' ORDER BY id LIMIT $1`,
    [Number(args.freshness)],
  );
  const freshness: number[] = [];
  for (const [i, { id }] of ids.entries()) {
    const word = `freshness${i}x${Date.now().toString(36)}`;
    await uow.run(async (tx) => {
      const [row] = await tx.manager.query<Array<{ version: number }>>(
        `UPDATE mentor_profiles SET headline = left(headline, 100) || ' ' || $2, version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING version`,
        [id, word],
      );
      await tx.emit('mentor_profile.changed', { profileId: id, version: row.version });
    });
    const committed = performance.now();
    const request: SearchRequest = {
      terms: [{ word, alternatives: [[word]], prefix: false }],
      filter: { acceptingRequestsOnly: false },
      sort: 'RELEVANCE',
      first: 1,
      after: null,
      withTotal: false,
      withFacets: false,
    };
    for (;;) {
      if ((await engine.search(request)).hits.length > 0) break;
      if (performance.now() - committed > 30_000) throw new Error('a change did not become searchable in 30 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    freshness.push(performance.now() - committed);
  }
  const freshnessReport = summarise(freshness, 1);

  const row = (name: string, r: LatencyReport) =>
    `| ${name.padEnd(22)} | ${String(r.requests).padStart(5)} | ${r.p50.toFixed(1).padStart(7)} | ${r.p95
      .toFixed(1)
      .padStart(7)} | ${r.p99.toFixed(1).padStart(7)} | ${r.throughput.toFixed(0).padStart(8)} |`;
  say('');
  say(`mentors: ${mentors} (published ${published}), clients: ${clients}, engine: ${engine.name}`);
  say(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  say('| target                 |  reqs | p50 ms  | p95 ms  | p99 ms  | req/s    |');
  say('|------------------------|-------|---------|---------|---------|----------|');
  say(row('searchMentors GraphQL', graphqlReport));
  say(row('engine (in-process)', engineReport));
  say(row('naive ILIKE baseline', naiveReport));
  say('');
  say(`GraphQL p95 / engine p95: ${(graphqlReport.p95 / engineReport.p95).toFixed(2)}x (target <= 1.5x)`);
  say(`ILIKE p95 / engine p95:   ${(naiveReport.p95 / engineReport.p95).toFixed(1)}x (target >= 20x)`);
  say(
    `event -> searchable (${freshness.length} changes): p50 ${freshnessReport.p50} ms, p95 ${freshnessReport.p95} ms, p99 ${freshnessReport.p99} ms`,
  );
} finally {
  await stopApps(children);
  await context.close();
  await db.destroy();
}
