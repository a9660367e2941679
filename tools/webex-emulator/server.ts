import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { scopeFor } from '../../src/webexApi/errors';
import { webexId } from '../../src/webexApi/ids';
import { contactRoutes, type ContactRejecter } from './contacts';
import { EmuHttpError, objectBody, type EmuAnswer, type EmuRequest, type EmuRoute } from './http';
import { jobRoutes } from './jobs';
import { EmuMessaging, type EmuMessage } from './messaging';
import { messageView, messagingRoutes } from './messagingRoutes';
import { peopleRoutes } from './people';
import { messageEventData, personSays, personSubmits, type PersonMessage, type PersonSubmit } from './personActions';
import { deliverEvent, webhookRoutes, type EmuDelivery } from './webhooks';
import { seedOrg, type EmuOrg, type SeedOptions } from './state';

/** One injected fault: the next `times` requests matching `match` ("METHOD /path" prefix) answer `status`. */
export interface FaultRule {
  match?: string;
  status: number;
  times: number;
  /** Seconds, sent with 429/423. */
  retryAfter?: number;
  /** The request is carried out first, then answered with the fault (a write that happened yet "failed"). */
  afterProcessing?: boolean;
  /** A slow answer: the request is carried out, and answered this much later (with status 0: its real answer). */
  delayMs?: number;
}

export interface EmulatorFaults {
  rules: FaultRule[];
  /** At most `perSecond` requests per one-second window; the others get 429 with Retry-After. */
  rateLimit?: { perSecond: number };
  /** Every answer is delayed this long (after the work is done). */
  delayMs?: number;
}

export interface EmulatorOptions {
  token?: string;
  /** The bot's access token (messaging, webhooks); random by default. */
  botToken?: string;
  botEmail?: string;
  botName?: string;
  seed?: SeedOptions;
  /** Scopes the token has (default: all). */
  scopes?: string[];
  /** Page size of Link-paged listings when the request sets no max (default: the API's). */
  pageSize?: number;
  jobDurationMs?: number;
  now?: () => Date;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/**
 * An HTTP emulator of the Webex endpoints the webex backend uses, from the
 * documented shapes: bearer auth, Link paging, the contacts API's org UUID
 * rule, the 400-but-created quirk of POST /people, one activation job per
 * org, and switches for 429, 5xx and slow answers.
 */
export class WebexEmulator {
  readonly token: string;
  readonly org: EmuOrg;
  faults: EmulatorFaults = { rules: [] };
  /** Addresses the activation job fails to send to. */
  readonly failingEmails = new Set<string>();
  rejectContact?: ContactRejecter;
  /** The Webex app side: the bot, spaces, messages, card submits, files, webhooks. */
  readonly messaging: EmuMessaging;
  /** Every webhook POST made, in order. */
  readonly deliveries: EmuDelivery[] = [];
  readonly stats = { requests: 0, accepted: 0, throttled: 0, maxInFlight: 0, byRoute: {} as Record<string, number> };
  private inFlight = 0;
  private server?: http.Server;
  private readonly routes: EmuRoute[];
  /** What the bot token reaches (a bot cannot call the admin APIs). */
  private readonly botRoutes: EmuRoute[];
  /** Webhooks of the bot's own messages, delivered in the background. */
  private readonly pending = new Set<Promise<unknown>>();
  private readonly now: () => Date;
  private window = { start: 0, count: 0 };
  private base = '';

  constructor(private readonly options: EmulatorOptions = {}) {
    this.token = options.token ?? randomBytes(24).toString('base64url');
    this.now = options.now ?? (() => new Date());
    this.org = seedOrg(this.now(), options.seed);
    this.messaging = new EmuMessaging(this.org, this.now, { botToken: options.botToken, botEmail: options.botEmail, botName: options.botName });
    this.routes = [
      ...peopleRoutes,
      ...contactRoutes(() => this.rejectContact),
      ...jobRoutes(() => ({ durationMs: options.jobDurationMs ?? 200, failingEmails: this.failingEmails })),
    ];
    this.botRoutes = [...messagingRoutes(() => this.messaging, (m) => this.onBotMessage(m)), ...webhookRoutes(() => this.messaging)];
  }

  get botToken(): string {
    return this.messaging.botToken;
  }

  /** A person writes (and may drop a file); resolves once the webhooks were answered. */
  async personSays(input: PersonMessage) {
    const result = await personSays(this.messaging, this.base, input);
    this.deliveries.push(...result.deliveries);
    return result;
  }

  /** A person clicks an Action.Submit of a bot card; resolves once the webhooks were answered. */
  async personSubmits(input: PersonSubmit) {
    const result = await personSubmits(this.messaging, input);
    this.deliveries.push(...result.deliveries);
    return result;
  }

  /** Resolves when the webhooks of the bot's own messages have all been answered. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  /** Webex tells a bot about its own messages too (a bot must ignore them). */
  private onBotMessage(message: EmuMessage): void {
    const delivery = deliverEvent(this.messaging, 'messages', 'created', message.personId, messageEventData(message)).then((d) => this.deliveries.push(...d));
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  /** The org id as People returns it (base64); the contacts API wants `org.uuid`. */
  get orgId(): string {
    return webexId('ORGANIZATION', this.org.uuid);
  }

  get url(): string {
    return this.base;
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    this.base = `http://${host}:${address.port}/v1`;
    return this.base;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    await this.settled();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, ++this.inFlight);
    res.once('close', () => this.inFlight--);
    const trackingId = `EMU_${randomUUID()}`;
    const send = (answer: EmuAnswer) => {
      if (res.destroyed) return;
      const body = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
      const type = answer.raw === undefined && body.length ? { 'content-type': 'application/json' } : {};
      res.writeHead(answer.status, { trackingid: trackingId, ...type, 'content-length': String(Buffer.byteLength(body)), ...answer.headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const fail = (status: number, message: string, headers?: Record<string, string>) =>
      send({ status, body: { message, errors: [{ description: message }], trackingId }, headers });
    let body: unknown;
    try {
      body = await readBody(req);
    } catch (error) {
      return fail(400, (error as Error).message);
    }
    this.stats.requests++;
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const method = req.method ?? 'GET';
    if (url.pathname.startsWith('/_emulator/')) return this.control(method, url.pathname, body, send, fail, req);
    if (!url.pathname.startsWith('/v1/')) return fail(404, 'Unknown path.');
    const path = url.pathname.slice(3);
    const asBot = req.headers.authorization === `Bearer ${this.messaging.botToken}`;
    if (!asBot && req.headers.authorization !== `Bearer ${this.token}`) {
      return fail(401, 'The request requires a valid access token set in the Authorization request header.');
    }
    const routeMethod = method === 'HEAD' ? 'GET' : method;
    if (asBot && !this.botRoutes.some((r) => r.method === routeMethod && r.pattern.test(path)) && this.routes.some((r) => r.method === routeMethod && r.pattern.test(path))) {
      return fail(403, 'A bot token cannot call the admin APIs.');
    }
    if (!asBot && this.options.scopes && !this.options.scopes.includes(scopeFor(method, path))) {
      return fail(403, `The access token lacks the scope ${scopeFor(method, path)}.`);
    }
    if (this.throttled()) {
      this.stats.throttled++;
      const retryAfter = Math.max(1, Math.ceil((this.window.start + 1000 - Date.now()) / 1000));
      return fail(429, 'Too many requests.', { 'retry-after': String(retryAfter) });
    }
    const rule = this.faults.rules.find((r) => r.times > 0 && (!r.match || `${method} ${path}`.startsWith(r.match)));
    if (rule) rule.times--;
    const faultAnswer = () => {
      const headers = rule!.retryAfter !== undefined ? { 'retry-after': String(rule!.retryAfter) } : undefined;
      fail(rule!.status, rule!.status === 429 ? 'Too many requests.' : rule!.status >= 500 ? 'Service unavailable.' : 'The request failed.', headers);
    };
    if (rule && !rule.afterProcessing && rule.status !== 0) {
      if (rule.status === 429) this.stats.throttled++;
      return faultAnswer();
    }
    let answer: EmuAnswer;
    try {
      answer = this.dispatch(asBot ? this.botRoutes : this.routes, method, path, url, body);
      this.stats.accepted++;
    } catch (error) {
      if (!(error instanceof EmuHttpError)) throw error;
      answer = { status: error.status, body: { message: error.message, errors: [{ description: error.message }], trackingId } };
    }
    const delay = rule?.delayMs ?? this.faults.delayMs;
    if (delay) await new Promise((r) => setTimeout(r, delay));
    if (rule && rule.status !== 0) return faultAnswer();
    send(answer);
  }

  private dispatch(routes: EmuRoute[], method: string, path: string, url: URL, body: unknown): EmuAnswer {
    // HEAD is a GET without the body.
    const routeMethod = method === 'HEAD' ? 'GET' : method;
    for (const r of routes) {
      const match = r.method === routeMethod && path.match(r.pattern);
      if (!match) continue;
      const params = Object.fromEntries(r.names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
      this.stats.byRoute[`${method} ${r.pattern.source}`] = (this.stats.byRoute[`${method} ${r.pattern.source}`] ?? 0) + 1;
      if (params.orgId !== undefined) this.checkOrg(path, params.orgId);
      const query = cursorQuery(url);
      const request: EmuRequest = { method, path, query, body, params, org: this.org, now: this.now, page: (items, defaultMax, cap) => this.page(url, path, query, items, defaultMax, cap) };
      return r.handler(request);
    }
    throw new EmuHttpError(404, `No such endpoint: ${method} ${path}`);
  }

  /** The contacts API takes the org UUID only; the identity API takes either form. */
  private checkOrg(path: string, orgId: string): void {
    if (orgId === this.org.uuid) return;
    if (orgId === this.orgId) {
      if (path.startsWith('/identity/')) return;
      throw new EmuHttpError(400, 'orgId must be the org UUID (xxxxxxxx-xxxx-...), not the base64 org id.');
    }
    throw new EmuHttpError(403, 'The caller is not authorized for this organization.');
  }

  private page<T>(url: URL, path: string, query: URLSearchParams, items: T[], defaultMax: number, cap: number) {
    const max = Math.min(Number(query.get('max')) || this.options.pageSize || defaultMax, cap);
    const offset = Number(query.get('_offset') ?? 0);
    const slice = items.slice(offset, offset + max);
    const headers: Record<string, string> = {};
    if (offset + max < items.length) {
      const next = new URLSearchParams(query);
      next.set('_offset', String(offset + max));
      next.set('max', String(max));
      const cursor = Buffer.from(next.toString()).toString('base64url');
      headers.link = `<${url.protocol}//${url.host}/v1${path}?cursor=${cursor}>; rel="next"`;
    }
    return { slice, headers };
  }

  private throttled(): boolean {
    const limit = this.faults.rateLimit?.perSecond;
    if (!limit) return false;
    const now = Date.now();
    // Fixed one-second windows: Retry-After (whole seconds) then lands in a fresh one.
    if (now - this.window.start >= 1000) this.window = { start: now - ((now - this.window.start) % 1000), count: 0 };
    if (this.window.count >= limit) return true;
    this.window.count++;
    return false;
  }

  /** POST /_emulator/faults sets the faults; GET /_emulator/stats reads the counters (same bearer token). */
  private async control(method: string, path: string, body: unknown, send: (a: EmuAnswer) => void, fail: (s: number, m: string) => void, req: http.IncomingMessage) {
    if (req.headers.authorization !== `Bearer ${this.token}`) return fail(401, 'The request requires a valid access token.');
    if (method === 'POST' && path === '/_emulator/faults') {
      const faults = (body ?? {}) as Partial<EmulatorFaults>;
      this.faults = { rules: Array.isArray(faults.rules) ? faults.rules : [], rateLimit: faults.rateLimit, delayMs: faults.delayMs };
      return send({ status: 200, body: this.faults });
    }
    if (method === 'GET' && path === '/_emulator/stats') return send({ status: 200, body: { ...this.stats, people: this.org.people.size, contacts: this.org.contacts.size } });
    return this.personControl(method, path, body, send, fail);
  }

  /**
   * Acting as a person in the Webex app, for a test in another process:
   * POST /_emulator/messages `{ from, roomId?, text?, mentionBot?, file?: { name, contentType?, base64 }, fileUrls? }`,
   * POST /_emulator/attachmentActions `{ from, messageId, inputs }`,
   * GET /_emulator/rooms/{roomId}/messages (every message, the bot's included, oldest first).
   */
  private async personControl(method: string, path: string, body: unknown, send: (a: EmuAnswer) => void, fail: (s: number, m: string) => void) {
    try {
      if (method === 'POST' && path === '/_emulator/messages') {
        const input = objectBody(body) as unknown as PersonMessage & { file?: { name: string; contentType?: string; base64?: string } };
        const file = input.file && { name: input.file.name, contentType: input.file.contentType, bytes: Buffer.from(input.file.base64 ?? '', 'base64') };
        const { message, deliveries } = await this.personSays({ ...input, file });
        return send({ status: 200, body: { message: messageView(message), deliveries } });
      }
      if (method === 'POST' && path === '/_emulator/attachmentActions') {
        const { action, deliveries } = await this.personSubmits(objectBody(body) as unknown as PersonSubmit);
        return send({ status: 200, body: { action, deliveries } });
      }
      const roomMessages = method === 'GET' && path.match(/^\/_emulator\/rooms\/([^/]+)\/messages$/);
      if (roomMessages) {
        const roomId = decodeURIComponent(roomMessages[1]);
        this.messaging.room(roomId);
        return send({ status: 200, body: { items: this.messaging.roomMessages(roomId).map(messageView) } });
      }
    } catch (error) {
      if (error instanceof EmuHttpError) return fail(error.status, error.message);
      throw error;
    }
    fail(404, 'Unknown control path.');
  }
}

/** The query of the first request, or the one carried in a next-page cursor. */
function cursorQuery(url: URL): URLSearchParams {
  const cursor = url.searchParams.get('cursor');
  return cursor ? new URLSearchParams(Buffer.from(cursor, 'base64url').toString('utf8')) : url.searchParams;
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`Request body over ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  if (!size) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Error('The request body is not valid JSON.');
  }
}
