import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = z.coerce.number().int().positive();

/**
 * Every environment variable the system reads, with its default and meaning.
 * Validated once at boot; a bad value stops the process with one line naming it.
 */
export const configSchema = z
  .object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'])
      .default('development')
      .describe('development | test | production'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/ })
      .default('postgres://postgres@127.0.0.1:5432/mentorbridge')
      .describe('PostgreSQL connection URL; the database is created when missing'),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/ })
      .default('redis://127.0.0.1:6379/0')
      .describe('Redis for BullMQ queues and pub/sub'),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .default('mb')
      .describe('BullMQ key prefix, so several deployments can share one Redis'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port of the api'),
    HOST: z.string().min(1).default('127.0.0.1').describe('interface the api listens on'),
    MEILI_URL: z.url().optional().describe('Meilisearch URL; when unset, PostgreSQL search is used'),
    MEILI_KEY: z.string().optional().describe('Meilisearch API key'),
    SEED_DEMO: bool.default(true).describe('seed demo data at start when the database is empty'),
    JWT_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters')
      .optional()
      .describe(
        'HMAC secret for access tokens; required in production. Elsewhere, when unset, a random one is made once and kept in the database',
      ),
    ACCESS_TOKEN_TTL_SECONDS: positiveInt.default(900).describe('lifetime of an access token'),
    REFRESH_TOKEN_TTL_DAYS: positiveInt.default(30).describe('lifetime of a refresh token family'),
    SIGN_IN_MAX_FAILURES: positiveInt.default(5).describe('failed sign-ins per email before throttling'),
    SIGN_IN_MAX_FAILURES_PER_IP: positiveInt
      .default(20)
      .describe('failed sign-ins from one client address, over any emails, before throttling'),
    SIGN_IN_WINDOW_SECONDS: positiveInt.default(900).describe('window over which failed sign-ins count'),
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d{1,2})$/, 'must be true, false or a number of proxy hops')
      .default('false')
      .transform((value) => (value === 'true' ? true : value === 'false' ? false : Number(value)))
      .describe(
        'whether X-Forwarded-For names the client: false (the socket peer is the client), true, or how many proxies to trust',
      ),
    OUTBOX_POLL_MS: positiveInt.default(1000).describe('outbox relay poll interval (it also wakes on NOTIFY)'),
    GRAPHQL_MAX_DEPTH: positiveInt.default(10).describe('maximum query depth'),
    GRAPHQL_MAX_COST: positiveInt.default(10000).describe('maximum estimated cost of one operation'),
    GRAPHQL_MAX_BATCH: positiveInt.default(10).describe('maximum operations in one batched request'),
    GRAPHQL_MAX_SUBSCRIPTIONS_PER_SOCKET: positiveInt
      .default(10)
      .describe('subscriptions one graphql-ws socket may hold at once'),
    RATE_LIMIT_POINTS: positiveInt
      .default(100000)
      .describe('points a signed-in user (any of their tokens) may spend per window'),
    RATE_LIMIT_ANONYMOUS_POINTS: positiveInt
      .default(20000)
      .describe('points an anonymous caller (per IP address) may spend per window'),
    RATE_LIMIT_WINDOW_SECONDS: positiveInt
      .default(3600)
      .describe('length of a rate-limit window, from its first spend'),
    METRICS_PORT: z.coerce
      .number()
      .int()
      .min(0)
      .max(65535)
      .default(9464)
      .describe("port of the api's Prometheus /metrics (not the public port)"),
    METRICS_HOST: z.string().min(1).default('127.0.0.1').describe('interface /metrics listens on'),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/ })
      .optional()
      .describe('SMTP server for outgoing mail; when unset, mail is written as .eml files under MAIL_DIR'),
    MAIL_FROM: z
      .string()
      .min(3)
      .default('Mentorbridge <no-reply@mentorbridge.local>')
      .describe('sender of every email'),
    MAIL_DIR: z.string().min(1).default('var/mail').describe('where .eml files go when SMTP_URL is unset'),
    WEB_APP_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('public address of the web app: links in emails point under it (relative when unset)'),
    API_PUBLIC_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe(
        'public address of the api: calendar feed and signed export URLs point under it (http://HOST:PORT when unset)',
      ),
    MEETING_URL_TEMPLATE: z
      .url({ protocol: /^https?$/ })
      .refine((url) => url.includes('{sessionId}'), 'must contain {sessionId}')
      .default('https://meet.jit.si/mentorbridge-{sessionId}')
      .describe("each session's meeting link; {sessionId} is replaced by the session's id"),
    WEBHOOK_SECRET_KEY: z
      .string()
      .min(32, 'must be at least 32 characters')
      .optional()
      .describe(
        'key that encrypts webhook signing secrets at rest; required in production. Elsewhere, when unset, a random one is made once and kept in the database',
      ),
    WEBHOOK_TIMEOUT_MS: positiveInt
      .max(60_000)
      .default(10_000)
      .describe('how long one webhook delivery may take, connect to last response byte'),
    REQUEST_EXPIRY_DAYS: positiveInt.default(14).describe('days a mentorship request stays pending before it expires'),
    REQUEST_COOLDOWN_DAYS: z.coerce
      .number()
      .int()
      .min(0)
      .default(7)
      .describe('days a mentee waits before asking a mentor again after a withdrawal or a decline (0: no wait)'),
    REQUEST_DAILY_LIMIT: positiveInt.default(10).describe('requests one mentee may send in any 24 hours'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('pino log level'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });
    }
    if (env.NODE_ENV === 'production' && !env.WEBHOOK_SECRET_KEY) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET_KEY'], message: 'is required in production' });
    }
  });

export type Config = z.infer<typeof configSchema>;
