import { configSchema, type Config } from './config.schema.js';

/** Development-only secrets: production refuses to start without its own (see the schema). */
const DEV_JWT_SECRET = 'mentorbridge-development-secret-not-for-production';
const DEV_WEBHOOK_SECRET_KEY = 'mentorbridge-development-webhook-key-not-for-production';

export class ConfigError extends Error {}

/** Parses an environment into a typed config; the one place that reads process.env. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}`);
  }
  const config = result.data;
  return {
    ...config,
    JWT_SECRET: config.JWT_SECRET ?? DEV_JWT_SECRET,
    WEBHOOK_SECRET_KEY: config.WEBHOOK_SECRET_KEY ?? DEV_WEBHOOK_SECRET_KEY,
  };
}

let cached: Config | undefined;

/** The process configuration, validated on first use. */
export function loadConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  if (Object.keys(overrides).length > 0) return parseConfig({ ...process.env, ...overrides });
  cached ??= parseConfig(process.env);
  return cached;
}

/** Exits with one readable line instead of a stack trace when the environment is wrong. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
