import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { CONFIG, type Config } from '../config/index.js';
import { toPlainText } from '../text/index.js';
import { signatureHeader } from './webhook-signature.js';
import {
  guardedLookup,
  parseWebhookUrl,
  resolveAllowedAddresses,
  UnsafeWebhookTargetError,
  type TargetPolicy,
} from './webhook-target.js';

export const WEBHOOK_USER_AGENT = 'Mentorbridge-Webhooks/1';
const EXCERPT_BYTES = 1024;

export interface WebhookRequest {
  url: string;
  secret: string;
  /** The dotted event type, e.g. `request.sent`: the Mentorbridge-Event header. */
  event: string;
  /** The delivery's uuid: the Mentorbridge-Delivery header. */
  deliveryId: string;
  /** The JSON body, exactly as signed. */
  body: string;
}

export interface WebhookAttempt {
  /** A 2xx answer; anything else (3xx included: redirects are not followed) is a failure. */
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  /** The answer's first KB as plain text, or why there was no answer. */
  excerpt: string | null;
}

function describe(error: Error & { code?: string }): string {
  if (error instanceof UnsafeWebhookTargetError || error.code === 'EWEBHOOKTARGET') return error.message;
  return error.code ? `${error.code}: ${error.message}` : error.message;
}

/** The first KB of an answer as plain text; a character cut in half at the edge is dropped. */
function excerptOf(chunks: Buffer[]): string | null {
  const text = Buffer.concat(chunks)
    .subarray(0, EXCERPT_BYTES)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  const plain = toPlainText(text);
  return plain.length > 0 ? plain : null;
}

/**
 * Sends signed webhook POSTs: no redirects followed, one time limit from connect to the
 * last byte, and the SSRF guard on every connection (the socket gets the address checked).
 */
@Injectable()
export class WebhookTransport implements OnApplicationShutdown {
  readonly policy: TargetPolicy;
  private readonly timeoutMs: number;
  private readonly agents = {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  };

  constructor(@Inject(CONFIG) config: Config) {
    this.policy = { allowLoopback: config.NODE_ENV !== 'production' };
    this.timeoutMs = config.WEBHOOK_TIMEOUT_MS;
  }

  /** At registration: throws UnsafeWebhookTargetError unless the URL may receive webhooks now. */
  async check(raw: string): Promise<void> {
    await resolveAllowedAddresses(parseWebhookUrl(raw, this.policy), this.policy);
  }

  async post(request: WebhookRequest): Promise<WebhookAttempt> {
    const started = performance.now();
    const elapsed = (): number => Math.round(performance.now() - started);
    let url: URL;
    try {
      url = parseWebhookUrl(request.url, this.policy);
    } catch (error) {
      return { ok: false, statusCode: null, durationMs: elapsed(), excerpt: describe(error as Error) };
    }
    const headers = {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(request.body)),
      'user-agent': WEBHOOK_USER_AGENT,
      'mentorbridge-event': request.event,
      'mentorbridge-delivery': request.deliveryId,
      'mentorbridge-signature': signatureHeader(request.secret, request.body, Math.floor(Date.now() / 1000)),
    };
    const secure = url.protocol === 'https:';
    return new Promise<WebhookAttempt>((resolve) => {
      let statusCode: number | null = null;
      let settled = false;
      const finish = (outcome: Omit<WebhookAttempt, 'durationMs' | 'statusCode'>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...outcome, statusCode, durationMs: elapsed() });
      };
      const options = {
        method: 'POST',
        headers,
        agent: secure ? this.agents.https : this.agents.http,
        lookup: guardedLookup(url, this.policy),
      };
      const req = (secure ? https : http).request(url, options, (res) => {
        statusCode = res.statusCode ?? null;
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          // Keep the first KB; read (and drop) the rest so the connection can be reused.
          if (kept < EXCERPT_BYTES) chunks.push(chunk);
          kept += chunk.length;
        });
        res.on('end', () => {
          const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
          finish({ ok, excerpt: excerptOf(chunks) });
        });
        res.on('error', (error) => finish({ ok: false, excerpt: describe(error) }));
      });
      const timer = setTimeout(() => {
        finish({ ok: false, excerpt: `timed out after ${this.timeoutMs} ms` });
        req.destroy();
      }, this.timeoutMs);
      req.on('error', (error) => finish({ ok: false, excerpt: describe(error) }));
      req.end(request.body);
    });
  }

  onApplicationShutdown(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
