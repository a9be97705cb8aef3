import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Config } from '@app/platform';

/** The environment the benches run the apps with; `extra` overrides settings such as budgets. */
export function appEnv(config: Config, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: config.DATABASE_URL,
    REDIS_URL: config.REDIS_URL,
    QUEUE_PREFIX: config.QUEUE_PREFIX,
    // Production mode needs a secret; one made for this run is as good as any.
    JWT_SECRET: config.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    OUTBOX_POLL_MS: '1000',
    METRICS_PORT: String(config.METRICS_PORT),
    ...extra,
  };
}

/** A built (dist) entry point as a process of its own. */
export function startProcess(entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [entry], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** The three apps as separate processes, built (dist), configured only through their environment. */
export function startApps(config: Config, port: number, extra: Record<string, string> = {}): ChildProcess[] {
  const env = appEnv(config, port, extra);
  return ['api', 'worker', 'indexer'].map((app) => startProcess(`dist/apps/${app}/src/main.js`, env));
}

export async function waitForHealthy(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseUrl}/health/ready`)
      .then((res) => res.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`api at ${baseUrl} did not become ready`);
}

export async function stopApps(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
}
