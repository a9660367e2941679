import { WebexApiError, scopeFor, type WebexErrorKind } from './errors';

export interface WebexClientOptions {
  /** e.g. https://webexapis.com/v1 */
  baseUrl: string;
  token: string;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** Per attempt (default 30 s). */
  timeoutMs?: number;
  /** Retries of a 5xx, timeout or network error, for reads and idempotent writes (default 4). */
  maxRetries?: number;
  /** Retries of a 429/423 (default 30): the request was not processed, so any request may be retried. */
  maxRateLimitRetries?: number;
  /** First backoff after a 5xx (default 250 ms), doubled each time up to maxBackoffMs (default 8 s). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A Retry-After above this is cut down to it (default 120 s). */
  maxRetryAfterMs?: number;
  /** Debug lines: method, path, status, attempt; never the token. */
  log?: (entry: { method: string; path: string; status?: number; attempt: number; waitMs?: number; error?: string }) => void;
}

export interface RequestOptions {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Safe to repeat after a 5xx or a timeout (reads, PUT, DELETE, updates by id). */
  idempotent?: boolean;
  /** Extra statuses that are answers, not errors (e.g. 404 for a lookup). */
  accept?: number[];
}

export interface WebexResponse<T> {
  status: number;
  body: T;
  next?: string;
  trackingId?: string;
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

/**
 * The Webex REST client: bearer auth, bounded concurrency, a timeout per
 * attempt, 429/423 honoured by pausing every request until Retry-After, 5xx
 * retried with capped backoff only when repeating is safe, and Link paging.
 */
export class WebexClient {
  private readonly base: string;
  private readonly concurrency: number;
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  /** Set by a 429/423: no request leaves before it. */
  private pausedUntil = 0;
  /** Counters for tests and the bench. */
  readonly stats = { requests: 0, rateLimited: 0, retried: 0 };

  constructor(private readonly options: WebexClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
    this.concurrency = Math.max(1, options.concurrency ?? 4);
  }

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<WebexResponse<T>> {
    const url = this.urlOf(path, options.query);
    const idempotent = options.idempotent ?? (method === 'GET' || method === 'PUT' || method === 'DELETE');
    const shownPath = displayPath(url, this.base);
    let failures = 0;
    let rateLimits = 0;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      let text: string;
      await this.acquireUnpaused();
      try {
        this.stats.requests++;
        response = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${this.options.token}`,
            accept: 'application/json',
            ...(options.body !== undefined && { 'content-type': 'application/json' }),
          },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
        text = await readCapped(response);
      } catch (error) {
        this.release();
        const kind: WebexErrorKind = isTimeout(error) ? 'timeout' : 'network';
        const failure = new WebexApiError({ kind, status: 0, method, path: shownPath, apiMessage: causeOf(error), ambiguous: method !== 'GET' });
        this.options.log?.({ method, path: shownPath, attempt, error: kind });
        if (idempotent && failures < (this.options.maxRetries ?? 4)) {
          await sleep(this.backoff(failures++));
          this.stats.retried++;
          continue;
        }
        throw failure;
      }
      this.release();
      const status = response.status;
      this.options.log?.({ method, path: shownPath, status, attempt });
      if (status === 429 || status === 423) {
        this.stats.rateLimited++;
        const waitMs = this.retryAfterMs(response.headers.get('retry-after'), rateLimits);
        if (rateLimits++ < (this.options.maxRateLimitRetries ?? 30)) {
          this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs);
          this.options.log?.({ method, path: shownPath, status, attempt, waitMs });
          this.stats.retried++;
          continue;
        }
        throw this.errorOf(method, shownPath, response, text);
      }
      if (status >= 500 && idempotent && failures < (this.options.maxRetries ?? 4)) {
        await sleep(this.backoff(failures++));
        this.stats.retried++;
        continue;
      }
      if (status >= 400 && !options.accept?.includes(status)) throw this.errorOf(method, shownPath, response, text);
      return {
        status,
        body: (text ? parseJson(text) : undefined) as T,
        next: nextLink(response.headers.get('link')),
        trackingId: response.headers.get('trackingid') ?? undefined,
      };
    }
  }

  /** Every item of a listing, following Link rel="next" as given (the query goes on the first request only). */
  async list<T>(path: string, query: RequestOptions['query'] = {}, key = 'items', maxItems = 1_000_000): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = this.urlOf(path, query);
    while (next) {
      const page: WebexResponse<Record<string, T[]>> = await this.request<Record<string, T[]>>('GET', next);
      items.push(...(page.body?.[key] ?? []));
      if (items.length > maxItems) throw new Error(`More than ${maxItems} items in ${path}; refusing to read them all.`);
      next = page.next;
    }
    return items;
  }

  private urlOf(path: string, query: RequestOptions['query'] = {}): string {
    const url = new URL(/^https?:\/\//.test(path) ? path : `${this.base}${path.startsWith('/') ? '' : '/'}${path}`);
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, String(value));
    return url.toString();
  }

  private errorOf(method: string, path: string, response: Response, text: string): WebexApiError {
    const body = parseJson(text) as { message?: string; errors?: Array<{ description?: string }>; trackingId?: string } | undefined;
    const status = response.status;
    return new WebexApiError({
      kind: kindOf(status),
      status,
      method,
      path,
      apiMessage: typeof body?.message === 'string' ? body.message : undefined,
      descriptions: Array.isArray(body?.errors) ? body.errors.map((e) => e?.description).filter((d): d is string => typeof d === 'string') : [],
      trackingId: body?.trackingId ?? response.headers.get('trackingid') ?? undefined,
      scope: status === 401 || status === 403 ? scopeFor(method, path) : undefined,
      ambiguous: status >= 500 && method !== 'GET',
    });
  }

  private retryAfterMs(header: string | null, count: number): number {
    const cap = this.options.maxRetryAfterMs ?? 120_000;
    let ms: number | undefined;
    if (header) {
      const seconds = Number(header);
      ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
    }
    if (ms === undefined || !Number.isFinite(ms) || ms < 0) ms = this.backoff(count);
    return Math.min(ms, cap);
  }

  private backoff(failures: number): number {
    const max = this.options.maxBackoffMs ?? 8000;
    const exp = Math.min(max, (this.options.backoffMs ?? 250) * 2 ** failures);
    return exp / 2 + Math.random() * (exp / 2);
  }

  /** A slot, taken only once no Retry-After pause is running (a pause set while queued is waited out too). */
  private async acquireUnpaused(): Promise<void> {
    for (;;) {
      for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) await sleep(wait);
      await this.acquire();
      if (this.pausedUntil <= Date.now()) return;
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

function kindOf(status: number): WebexErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429 || status === 423) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'bad_request';
}

/** The path and query as logs and messages show them (relative to the base URL). */
function displayPath(url: string, base: string): string {
  const parsed = new URL(url);
  const basePath = new URL(base).pathname.replace(/\/+$/, '');
  const path = parsed.pathname.startsWith(basePath) ? parsed.pathname.slice(basePath.length) || '/' : parsed.pathname;
  return path;
}

/** rel="next" of an RFC 5988 Link header. */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const match = part.match(/<([^>]+)>\s*;(.*)/);
    if (match && /rel="?next"?/.test(match[2])) return match[1].trim();
  }
  return undefined;
}

async function readCapped(response: Response): Promise<string> {
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new Error(`answer of ${length} bytes is over the ${MAX_BODY_BYTES}-byte cap`);
  const text = await response.text();
  if (text.length > MAX_BODY_BYTES) throw new Error(`answer over the ${MAX_BODY_BYTES}-byte cap`);
  return text;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isTimeout(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));
