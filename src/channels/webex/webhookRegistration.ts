import type { WebexClient } from '../../webexApi/client';

/** Where Webex posts the bot's webhooks, under the bot's public address. */
export const WEBHOOK_PATH = '/api/webex';

/** The two webhooks the channel needs, found again by name, resource and event. */
export const BOT_WEBHOOKS = [
  { name: 'Provisio messages', resource: 'messages', event: 'created' },
  { name: 'Provisio card submits', resource: 'attachmentActions', event: 'created' },
] as const;

export interface RegisteredWebhook {
  id: string;
  name: string;
  resource: string;
  event: string;
  targetUrl: string;
  action: 'created' | 'updated' | 'unchanged';
}

interface Webhook {
  id: string;
  name: string;
  targetUrl: string;
  resource: string;
  event: string;
  secret?: string;
  status?: string;
}

/** "https://bot.example.com" or "https://bot.example.com/api/webex" → the webhook target. */
export function webhookTarget(publicUrl: string): string {
  const base = publicUrl.trim().replace(/\/+$/, '').replace(new RegExp(`${WEBHOOK_PATH}$`), '');
  return `${base}${WEBHOOK_PATH}`;
}

/**
 * Creates the bot's two webhooks, or brings existing ones (same name,
 * resource and event) to this target and secret, re-activating a webhook
 * Webex disabled. Running it again changes nothing.
 */
export async function registerWebhooks(client: WebexClient, publicUrl: string, secret: string): Promise<RegisteredWebhook[]> {
  const targetUrl = webhookTarget(publicUrl);
  const existing = await client.list<Webhook>('/webhooks', { max: 100 });
  const results: RegisteredWebhook[] = [];
  for (const wanted of BOT_WEBHOOKS) {
    const found = existing.find((w) => w.name === wanted.name && w.resource === wanted.resource && w.event === wanted.event);
    if (!found) {
      const { body } = await client.request<Webhook>('POST', '/webhooks', { body: { ...wanted, targetUrl, secret } });
      results.push({ id: body.id, ...wanted, targetUrl, action: 'created' });
      continue;
    }
    const upToDate = found.targetUrl === targetUrl && found.secret === secret && found.status !== 'inactive';
    if (!upToDate) {
      await client.request('PUT', `/webhooks/${encodeURIComponent(found.id)}`, { body: { name: wanted.name, targetUrl, secret, status: 'active' } });
    }
    results.push({ id: found.id, ...wanted, targetUrl, action: upToDate ? 'unchanged' : 'updated' });
  }
  return results;
}
