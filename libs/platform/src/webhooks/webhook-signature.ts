import { createHmac } from 'node:crypto';

/**
 * The Mentorbridge-Signature header, as Stripe signs: `t=<unix seconds>,v1=<hex HMAC-SHA256>`
 * over `"<t>.<raw body>"`. The timestamp inside the signed text lets receivers refuse replays.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}
