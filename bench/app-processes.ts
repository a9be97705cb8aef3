import { spawn, type ChildProcess } from 'node:child_process';
import type { Config } from '@app/platform';

export type AppName = 'api' | 'worker' | 'indexer';

/** The environment the benches run the apps with (production); `extra` overrides settings such as budgets. */
export function appEnv(config: Config, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'production',
    DATABASE_URL: config.DATABASE_URL,
    REDIS_URL: config.REDIS_URL,
    QUEUE_PREFIX: config.QUEUE_PREFIX,
    // Production needs both; benchConfig made them for this run.
    JWT_SECRET: config.JWT_SECRET,
    WEBHOOK_SECRET_KEY: config.WEBHOOK_SECRET_KEY,
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

/** The apps as separate processes, built (dist), configured only through their environment (all three unless `apps` names some). */
export function startApps(
  config: Config,
  port: number,
  options: { apps?: readonly AppName[]; env?: Record<string, string> } = {},
): ChildProcess[] {
  const env = appEnv(config, port, options.env);
  return (options.apps ?? ['api', 'worker', 'indexer']).map((app) => startProcess(`dist/apps/${app}/src/main.js`, env));
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
