import { createHmac, randomUUID } from 'node:crypto';
import { webexId } from '../../src/webexApi/ids';
import { EmuHttpError, bad, notFound, objectBody, route, str, type EmuRoute } from './http';
import type { EmuMessaging, EmuWebhook } from './messaging';

const RESOURCES = ['attachmentActions', 'memberships', 'messages', 'rooms'];
const EVENTS = ['created', 'updated', 'deleted', 'all'];

/** One webhook POST the emulator made, for tests. */
export interface EmuDelivery {
  webhookId: string;
  resource: string;
  event: string;
  dataId: string;
  /** The target's HTTP status, or 0 when it could not be reached. */
  status: number;
}

function webhookView(messaging: EmuMessaging, w: EmuWebhook) {
  return {
    id: w.id,
    name: w.name,
    targetUrl: w.targetUrl,
    resource: w.resource,
    event: w.event,
    ...(w.filter && { filter: w.filter }),
    ...(w.secret && { secret: w.secret }),
    status: w.status,
    created: w.created,
    orgId: messaging.bot.orgId,
    createdBy: w.ownerId,
    ownedBy: 'creator',
  };
}

function targetUrlOf(value: unknown): string {
  const url = str(value) ?? bad('targetUrl is required.');
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error();
  } catch {
    bad(`targetUrl ${url} is not a valid http(s) URL.`);
  }
  return url;
}

/** GET/POST /webhooks, GET/PUT/DELETE /webhooks/{id}: the caller's own webhooks. */
export function webhookRoutes(messaging: () => EmuMessaging): EmuRoute[] {
  const own = (id: string) => {
    const w = messaging().webhooks.get(id);
    return w && w.ownerId === messaging().bot.id ? w : notFound('The requested webhook could not be found.');
  };
  return [
    route('GET', '/webhooks', ({ page }) => {
      const msg = messaging();
      const items = [...msg.webhooks.values()].filter((w) => w.ownerId === msg.bot.id).map((w) => webhookView(msg, w));
      const { slice, headers } = page(items, 100, 100);
      return { status: 200, body: { items: slice }, headers };
    }),
    route('POST', '/webhooks', ({ body: raw, now }) => {
      const msg = messaging();
      const body = objectBody(raw);
      const name = str(body.name) ?? bad('name is required.');
      const targetUrl = targetUrlOf(body.targetUrl);
      const resource = str(body.resource) ?? bad('resource is required.');
      const event = str(body.event) ?? bad('event is required.');
      if (!RESOURCES.includes(resource)) bad(`resource ${resource} is not supported.`);
      if (!EVENTS.includes(event)) bad(`event ${event} is not supported.`);
      const filter = str(body.filter);
      const same = [...msg.webhooks.values()].some(
        (w) => w.ownerId === msg.bot.id && w.targetUrl === targetUrl && w.resource === resource && w.event === event && w.filter === filter,
      );
      if (same) throw new EmuHttpError(409, 'A webhook with the same targetUrl, resource, event and filter already exists.');
      const webhook: EmuWebhook = {
        id: webexId('WEBHOOK', randomUUID()),
        name,
        targetUrl,
        resource,
        event,
        filter,
        secret: str(body.secret),
        status: 'active',
        created: now().toISOString(),
        ownerId: msg.bot.id,
      };
      msg.webhooks.set(webhook.id, webhook);
      return { status: 200, body: webhookView(msg, webhook) };
    }),
    route('GET', '/webhooks/:id', ({ params }) => ({ status: 200, body: webhookView(messaging(), own(params.id)) })),
    route('PUT', '/webhooks/:id', ({ params, body: raw }) => {
      const webhook = own(params.id);
      const body = objectBody(raw);
      webhook.name = str(body.name) ?? bad('name is required.');
      webhook.targetUrl = targetUrlOf(body.targetUrl);
      if (body.secret !== undefined) webhook.secret = str(body.secret);
      if (body.status !== undefined) {
        if (body.status !== 'active') bad('status can only be set to active.');
        webhook.status = 'active';
      }
      return { status: 200, body: webhookView(messaging(), webhook) };
    }),
    route('DELETE', '/webhooks/:id', ({ params }) => {
      messaging().webhooks.delete(own(params.id).id);
      return { status: 204 };
    }),
  ];
}

/** "roomId=X&roomType=direct" against the event's data. */
function passesFilter(filter: string | undefined, data: Record<string, unknown>): boolean {
  if (!filter) return true;
  return [...new URLSearchParams(filter)].every(([key, value]) => String(data[key] ?? '') === value);
}

export function signatureOf(secret: string, body: string): string {
  return createHmac('sha1', secret).update(body, 'utf8').digest('hex');
}

/**
 * POSTs the event to every active webhook of the bot that wants it, as Webex
 * does: the webhook's fields, `actorId`, `data`, and X-Spark-Signature (the
 * hex HMAC-SHA1 of the raw body with the webhook's secret) when it has one.
 */
export async function deliverEvent(
  messaging: EmuMessaging,
  resource: string,
  event: string,
  actorId: string,
  data: Record<string, unknown>,
): Promise<EmuDelivery[]> {
  const targets = [...messaging.webhooks.values()].filter(
    (w) => w.status === 'active' && w.resource === resource && (w.event === event || w.event === 'all') && passesFilter(w.filter, data),
  );
  return Promise.all(
    targets.map(async (w) => {
      const body = JSON.stringify({
        id: w.id,
        name: w.name,
        targetUrl: w.targetUrl,
        resource,
        event,
        ...(w.filter && { filter: w.filter }),
        orgId: messaging.bot.orgId,
        createdBy: w.ownerId,
        appId: webexId('APPLICATION', '00000000-0000-4000-8000-000000000000'),
        ownedBy: 'creator',
        status: w.status,
        created: w.created,
        actorId,
        data,
      });
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (w.secret) headers['x-spark-signature'] = signatureOf(w.secret, body);
      let status = 0;
      try {
        const response = await fetch(w.targetUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(60_000) });
        status = response.status;
        await response.arrayBuffer();
      } catch {
        status = 0;
      }
      return { webhookId: w.id, resource, event, dataId: String(data.id), status };
    }),
  );
}
