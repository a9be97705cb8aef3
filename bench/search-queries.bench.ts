import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { SearchIndexingModule, SearchService } from '@app/domain';
import { createLogger, SEARCH_ENGINE, type SearchEngine, type SearchRequest } from '@app/platform';
import { parseArgs } from 'node:util';
import { benchConfig } from './bench-config.js';
import { QUERY_MIX } from './search-query-mix.js';

/**
 * npm run bench:search-queries [-- --runs 9 --database mentorbridge_bench]
 *
 * The cost of each query of the mix on its own (one request at a time, engine only,
 * median of `runs`), on the database `npm run bench:search` seeded and indexed. Under
 * concurrency the mix's latency is mostly queueing behind these costs, so this is the
 * table that says which query to work on.
 */
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '9' },
    database: { type: 'string', default: 'mentorbridge_bench' },
  },
});
const config = benchConfig(args.database);
const context = await NestFactory.createApplicationContext(
  SearchIndexingModule.forRoot(config, createLogger('bench', 'warn')),
  { logger: false },
);
try {
  const engine = context.get<SearchEngine>(SEARCH_ENGINE);
  const search = context.get(SearchService);
  const runs = Number(args.runs);
  const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  let total = 0;
  process.stdout.write('| query | kind | median ms |\n|---|---|---:|\n');
  for (const entry of QUERY_MIX) {
    let request: SearchRequest = await search.engineRequest({
      ...entry.variables,
      withTotal: true,
      withFacets: entry.facets,
    });
    for (let page = 0; page < (entry.depth ?? 0); page += 1) {
      const cursor = (await engine.search(request)).hits.at(-1)?.cursor ?? null;
      request = { ...request, after: cursor };
    }
    const samples: number[] = [];
    for (let run = 0; run < runs + 1; run += 1) {
      const t0 = performance.now();
      await engine.search(request);
      // The first run warms caches and is not counted.
      if (run > 0) samples.push(performance.now() - t0);
    }
    const cost = median(samples);
    total += cost;
    const label = entry.variables.query ?? JSON.stringify(entry.variables.filter);
    process.stdout.write(
      `| ${label} | ${entry.kind}${entry.depth ? ` (page ${entry.depth + 1})` : ''} | ${cost.toFixed(1)} |\n`,
    );
  }
  process.stdout.write(`| mix mean | | ${(total / QUERY_MIX.length).toFixed(1)} |\n`);
} finally {
  await context.close();
}
