import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** Private servers still running: killed when the Jest worker that started them exits. */
const running = new Set<ChildProcess>();
let killedOnExit = false;

/**
 * A private redis-server on `port`, so stopping it cannot disturb anything else. It shares no
 * stream with the Jest worker but its own stdout pipe: a server that outlived its worker while
 * holding the worker's stderr would keep Jest's parent process from ever exiting.
 */
export async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  // Registered by the few test files that start servers, not by every file importing this module.
  if (!killedOnExit) {
    killedOnExit = true;
    process.once('exit', () => running.forEach((server) => server.kill('SIGKILL')));
  }
  running.add(child);
  child.once('exit', () => running.delete(child));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}`)));
  });
  return child;
}

/** Kills it outright, as an outage would. */
export async function stopRedis(child: ChildProcess): Promise<void> {
  // A server killed by a signal has no exit code, only a signal code.
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}
