import { configSchema, type Config } from './config.schema.js';

export class ConfigError extends Error {}

/** Parses an environment into a typed config; the one place that reads process.env. */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}`);
  }
  return result.data;
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

/** An absolute URL of the api for links that leave it (calendar feeds, signed exports): under API_PUBLIC_URL, else http://HOST:PORT. */
export function apiPublicUrl(config: Pick<Config, 'API_PUBLIC_URL' | 'HOST' | 'PORT'>, pathAndQuery: string): string {
  const base = config.API_PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
  return `${base.replace(/\/+$/, '')}${pathAndQuery}`;
}
