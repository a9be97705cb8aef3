import { ConfigError, parseConfig } from './config.js';

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/mentorbridge',
      REDIS_URL: 'redis://127.0.0.1:6379/0',
      PORT: 3000,
      SEED_DEMO: true,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      TRUST_PROXY: false,
      SIGN_IN_MAX_FAILURES_PER_IP: 20,
      REQUEST_COOLDOWN_DAYS: 7,
      REQUEST_DAILY_LIMIT: 10,
    });
  });

  it('has no signing secret of its own: without JWT_SECRET the api makes one at run time', () => {
    expect(parseConfig({}).JWT_SECRET).toBeUndefined();
    expect(parseConfig({ NODE_ENV: 'test' }).JWT_SECRET).toBeUndefined();
  });

  it.each([
    ['true', true],
    ['false', false],
    ['2', 2],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(parseConfig({ TRUST_PROXY: value }).TRUST_PROXY).toBe(expected);
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT /],
    [{ DATABASE_URL: 'mysql://x@y/z' }, /^Invalid configuration: DATABASE_URL /],
    [{ SEED_DEMO: 'maybe' }, /^Invalid configuration: SEED_DEMO /],
    [{ LOG_LEVEL: 'loud' }, /^Invalid configuration: LOG_LEVEL /],
    [{ NODE_ENV: 'production' }, /^Invalid configuration: JWT_SECRET is required in production$/],
    [{ JWT_SECRET: 'short' }, /^Invalid configuration: JWT_SECRET /],
    [{ NODE_ENV: 'production', JWT_SECRET: 'short' }, /^Invalid configuration: JWT_SECRET /],
    [{ TRUST_PROXY: '10.0.0.1' }, /^Invalid configuration: TRUST_PROXY /],
    [{ REQUEST_COOLDOWN_DAYS: '-1' }, /^Invalid configuration: REQUEST_COOLDOWN_DAYS /],
    [{ REQUEST_DAILY_LIMIT: '0' }, /^Invalid configuration: REQUEST_DAILY_LIMIT /],
    [
      { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) },
      /^Invalid configuration: WEBHOOK_SECRET_KEY is required in production$/,
    ],
    [{ WEBHOOK_SECRET_KEY: 'short' }, /^Invalid configuration: WEBHOOK_SECRET_KEY /],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('accepts production with a real secret', () => {
    const env = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), WEBHOOK_SECRET_KEY: 'y'.repeat(40) };
    expect(parseConfig({ ...env, SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
  });
});
