import { signatureHeader } from '@app/platform';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import http from 'node:http';
import { parseArgs } from 'node:util';

/**
 * The baseline of bench:webhooks, as a process of its own like the worker it is compared
 * with: bare BullMQ jobs, each one HTTP POST of a prepared body (signed the same way),
 * with the worker's concurrency and a keep-alive agent. No database, no ordering.
 */
const { values: args } = parseArgs({
  options: {
    redis: { type: 'string' },
    prefix: { type: 'string' },
    queue: { type: 'string' },
    concurrency: { type: 'string', default: '8' },
  },
});
const agent = new http.Agent({ keepAlive: true });

function post(url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'mentorbridge-signature': signatureHeader('whsec_bench', body, Math.floor(Date.now() / 1000)),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => ((res.statusCode ?? 500) < 300 ? resolve() : reject(new Error(`${res.statusCode}`))));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

const connection = new Redis(args.redis!, { maxRetriesPerRequest: null });
const worker = new Worker<{ url: string; body: string }>(args.queue!, (job) => post(job.data.url, job.data.body), {
  connection,
  prefix: args.prefix!,
  concurrency: Number(args.concurrency),
});
process.on('SIGTERM', () => {
  void worker.close().then(() => {
    connection.disconnect();
    agent.destroy();
  });
});
