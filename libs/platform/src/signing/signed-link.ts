import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed link's parameters say once checked. */
export type SignedLinkCheck = 'VALID' | 'FORGED' | 'EXPIRED';

/** The query parameters that make a link signed: its expiry (unix seconds) and the HMAC. */
export interface SignedLinkParams {
  expires: string;
  signature: string;
}

function mac(secret: string, subject: string, expires: string): string {
  return createHmac('sha256', secret).update(`${subject}\n${expires}`).digest('base64url');
}

/**
 * Signs `subject` (what the link opens, e.g. its path and who asked) until `expiresAt`. The
 * expiry is inside the signed text, so moving it forward breaks the signature.
 */
export function signLink(secret: string, subject: string, expiresAt: Date): SignedLinkParams {
  const expires = String(Math.floor(expiresAt.getTime() / 1000));
  return { expires, signature: mac(secret, subject, expires) };
}

/**
 * The signature is checked before the expiry, so only a link we made is ever told it expired;
 * the comparison takes the same time wherever the first wrong byte is.
 */
export function checkSignedLink(
  secret: string,
  subject: string,
  params: Partial<SignedLinkParams>,
  now: Date = new Date(),
): SignedLinkCheck {
  const { expires, signature } = params;
  if (typeof expires !== 'string' || typeof signature !== 'string' || !/^\d{1,12}$/.test(expires)) return 'FORGED';
  const expected = Buffer.from(mac(secret, subject, expires));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'FORGED';
  return Number(expires) * 1000 <= now.getTime() ? 'EXPIRED' : 'VALID';
}
