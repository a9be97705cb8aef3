import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/**
 * node dist/bench/cpu-profile-summary.js <file.cpuprofile> [--top 30] [--match text] [--after-ms 0]
 *
 * Summarises a V8 CPU profile (`node --cpu-prof`) by function: self time (where the CPU
 * was) and inclusive time (what it was doing it for), each as a share of the sampled time.
 * `--match` keeps only functions whose name or file contains the text; `--after-ms` leaves
 * out the samples of the first milliseconds (start-up, warm-up). Idle time is never counted.
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '30' },
    match: { type: 'string' },
    'after-ms': { type: 'string', default: '0' },
  },
});
if (positionals.length !== 1)
  throw new Error('usage: cpu-profile-summary <file.cpuprofile> [--top N] [--match text] [--after-ms N]');
const profile = JSON.parse(readFileSync(positionals[0], 'utf8')) as CpuProfile;

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);

/** One name per function, wherever it was sampled: `name (file:line)` with node_modules shortened. */
const label = ({ functionName, url, lineNumber }: CallFrame): string => {
  const file = url.replace(/^file:\/\//, '').replace(/^.*node_modules\//, '~/');
  return `${functionName || '(anonymous)'} (${file || 'native'}:${lineNumber + 1})`;
};

// Microseconds per sample are in timeDeltas; the sample's stack is its node and that node's ancestors.
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const skipMicros = Number(args['after-ms']) * 1000;
let elapsed = 0;
let total = 0;
profile.samples.forEach((sampled, index) => {
  const micros = profile.timeDeltas[index] ?? 0;
  elapsed += micros;
  const leaf = label(nodes.get(sampled)!.callFrame);
  if (elapsed < skipMicros || leaf.startsWith('(idle)')) return;
  total += micros;
  self.set(leaf, (self.get(leaf) ?? 0) + micros);
  // A recursive function counts once per sample.
  const seen = new Set<string>();
  for (let id: number | undefined = sampled; id !== undefined; id = parents.get(id)) {
    const name = label(nodes.get(id)!.callFrame);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
  }
});

const say = (line: string) => process.stdout.write(`${line}\n`);
const top = Number(args.top);
const report = (title: string, times: Map<string, number>) => {
  say(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
  [...times]
    .filter(([name]) => !args.match || name.includes(args.match))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([name, micros]) => say(`${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`));
};
report('self time', self);
report('inclusive time', inclusive);
