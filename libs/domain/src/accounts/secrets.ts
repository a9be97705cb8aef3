import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe, with a prefix that tells which kind of secret it is. */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * Secrets are high-entropy, so a fast hash is enough to make a stolen table
 * useless; passwords get argon2id instead.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
