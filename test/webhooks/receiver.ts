import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed, for reading deliveries in assertions. */
  json: { id: string; type: string; createdAt: string; data: Record<string, any> };
}

/** How the receiver answers: a status (and body), once `until` settles if given, or never (a hung receiver). */
export type Answer = { status: number; body?: string; until?: Promise<void> } | 'hang';

export interface Receiver {
  url: string;
  received: Received[];
  /** TCP connections ever accepted: proves a refused target was never even dialled. */
  connections: number;
  answer(answer: Answer): void;
  close(): Promise<void>;
}

/** A real webhook receiver on 127.0.0.1 with a random port. */
export async function startReceiver(path = '/hooks'): Promise<Receiver> {
  let answer: Answer = { status: 204 };
  const hung: ServerResponse[] = [];
  const receiver: Receiver = {
    url: '',
    received: [],
    connections: 0,
    answer: (next) => {
      answer = next;
    },
    async close() {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      receiver.received.push({ headers: req.headers, body, json: JSON.parse(body) });
      if (answer === 'hang') {
        hung.push(res);
        return;
      }
      const { status, body: text = '', until } = answer;
      void Promise.resolve(until).then(() => {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(text);
      });
    });
  });
  server.on('connection', () => {
    receiver.connections += 1;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  receiver.url = `http://127.0.0.1:${port}${path}`;
  return receiver;
}

type Verifier = (header: string, rawBody: string, secret: string, toleranceSeconds?: number) => boolean;

/** The verifier exactly as the README prints it, loaded as a module: the documented code is the tested code. */
export async function readmeVerifier(): Promise<Verifier> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = readme.split('<!-- webhook-verifier -->')[1]?.match(/```js\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error('README has no webhook verifier block');
  const file = join(mkdtempSync(join(tmpdir(), 'mentorbridge-verifier-')), 'verify.mjs');
  writeFileSync(file, block);
  const module = (await import(pathToFileURL(file).href)) as { verifyMentorbridgeSignature: Verifier };
  return module.verifyMentorbridgeSignature;
}
