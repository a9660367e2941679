import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header Webex signs every webhook POST with, when the webhook has a secret. */
export const SIGNATURE_HEADER = 'x-spark-signature';

/** Hex HMAC-SHA1 of the raw body with the webhook secret, as Webex computes it. */
export function webexSignature(secret: string, raw: Buffer): string {
  return createHmac('sha1', secret).update(raw).digest('hex');
}

/** True only when `header` is exactly the HMAC-SHA1 of these raw bytes (constant-time comparison). */
export function isValidSignature(secret: string, raw: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const given = header.trim();
  if (!/^[0-9a-f]{40}$/i.test(given)) return false;
  const expected = Buffer.from(webexSignature(secret, raw), 'hex');
  return timingSafeEqual(Buffer.from(given, 'hex'), expected);
}
