import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  /** Default 3. */
  maxRedirects?: number;
}

export interface FetchPolicy {
  /** Host names allowed (exact, case-insensitive) or wildcard suffixes like "*.sharepoint.com". */
  allowedHosts: string[];
  /** Local mode: loopback hosts (127.0.0.1, ::1, localhost) allowed, over http too. */
  allowLoopback: boolean;
  /** Exact origins ("http://127.0.0.1:8080") allowed whatever the rules above say: a configured API's own address. */
  allowedOrigins?: string[];
}

export type FetchErrorCode =
  | 'host_not_allowed'
  | 'insecure_url'
  | 'bad_url'
  | 'too_large'
  | 'timeout'
  | 'http_status'
  | 'too_many_redirects'
  | 'network';

/** `message` is English, for logs; `details` (host, status, limit...) lets the caller write a localized message. */
export class AttachmentFetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AttachmentFetchError';
  }
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** URL.hostname keeps the brackets of IPv6 literals ("[::1]"). */
function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

function hostMatches(host: string, pattern: string): boolean {
  const p = pattern.trim().toLowerCase();
  if (p.startsWith('*.')) {
    const suffix = p.slice(1); // ".example.com": requires at least one label before it
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return host === p;
}

export function isAllowedUrl(url: string, policy: FetchPolicy): { ok: true } | { ok: false; code: FetchErrorCode; host?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, code: 'bad_url' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return { ok: false, code: 'bad_url' };
  if (policy.allowedOrigins?.includes(parsed.origin)) return { ok: true };
  const host = bareHostname(parsed);
  // Loopback is governed by allowLoopback only, so an allow-list entry can never open it by accident.
  const loopback = LOOPBACK_HOSTS.has(host);
  const allowed = loopback ? policy.allowLoopback : policy.allowedHosts.some((pattern) => hostMatches(host, pattern));
  if (!allowed) return { ok: false, code: 'host_not_allowed', host };
  if (parsed.protocol === 'http:' && !loopback) return { ok: false, code: 'insecure_url', host };
  return { ok: true };
}

type Hop = { kind: 'redirect'; location: string } | { kind: 'body'; body: Buffer };

/** One GET without following redirects. Settles once; the socket is destroyed on any failure or abort. */
function fetchOnce(target: URL, headers: Record<string, string>, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<Hop> {
  const host = bareHostname(target);
  return new Promise<Hop>((resolve, reject) => {
    let settled = false;
    const client = target.protocol === 'https:' ? https : http;
    // Explicit options rather than the URL object: userinfo must never turn into an Authorization header.
    const req = client.request({
      protocol: target.protocol,
      hostname: host,
      port: target.port || undefined,
      path: target.pathname + target.search,
      method: 'GET',
      headers,
      agent: false, // no pooled keep-alive sockets left behind
    });
    const finish = (outcome: Hop | AttachmentFetchError) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (outcome instanceof AttachmentFetchError) {
        req.destroy();
        reject(outcome);
      } else {
        resolve(outcome);
      }
    };
    const onAbort = () =>
      finish(new AttachmentFetchError('timeout', `Download from ${host} exceeded ${timeoutMs} ms`, { host, timeoutMs }));
    const onNetworkError = (err: Error) =>
      finish(new AttachmentFetchError('network', `Download from ${host} failed: ${err.message}`, { host, cause: (err as NodeJS.ErrnoException).code }, { cause: err }));

    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    req.on('error', onNetworkError);
    req.on('response', (res: IncomingMessage) => {
      res.on('error', onNetworkError);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECT_STATUSES.has(status) && location) {
        req.destroy();
        return finish({ kind: 'redirect', location });
      }
      if (status < 200 || status > 299) {
        return finish(new AttachmentFetchError('http_status', `Download from ${host} answered HTTP ${status}`, { host, status }));
      }
      const tooLarge = () =>
        new AttachmentFetchError('too_large', `Download from ${host} exceeds ${maxBytes} bytes`, { host, limit: maxBytes });
      if (Number(res.headers['content-length']) > maxBytes) return finish(tooLarge());

      const chunks: Buffer[] = [];
      let total = 0;
      res.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > maxBytes) return finish(tooLarge());
        chunks.push(chunk);
      });
      res.on('end', () => finish({ kind: 'body', body: Buffer.concat(chunks, total) }));
    });
    req.end();
  });
}

/**
 * Downloads `url` within `policy` and `limits`. Every URL (first one and each redirect target) is checked
 * before any connection; `headers` are only sent to the origin of the first URL.
 */
export async function fetchAttachment(
  url: string,
  policy: FetchPolicy,
  limits: FetchLimits,
  headers: Record<string, string> = {},
): Promise<Buffer> {
  const maxRedirects = limits.maxRedirects ?? 3;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.timeoutMs);
  try {
    let current = url;
    let origin: string | undefined;
    for (let redirects = 0; ; redirects++) {
      const check = isAllowedUrl(current, policy);
      if (!check.ok) {
        throw new AttachmentFetchError(check.code, `Attachment URL refused (${check.code})${check.host ? `: ${check.host}` : ''}`, {
          host: check.host,
        });
      }
      const target = new URL(current);
      origin ??= target.origin;
      const hop = await fetchOnce(target, target.origin === origin ? headers : {}, limits.maxBytes, deadline.signal, limits.timeoutMs);
      if (hop.kind === 'body') return hop.body;
      if (redirects >= maxRedirects) {
        throw new AttachmentFetchError('too_many_redirects', `More than ${maxRedirects} redirects from ${bareHostname(target)}`, {
          host: bareHostname(target),
          limit: maxRedirects,
        });
      }
      try {
        current = new URL(hop.location, target).href;
      } catch {
        throw new AttachmentFetchError('bad_url', `Invalid redirect location from ${bareHostname(target)}`, { host: bareHostname(target) });
      }
    }
  } finally {
    clearTimeout(timer);
  }
}
