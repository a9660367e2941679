import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TurnContext } from 'botbuilder';
import { isValidSignature } from '../../../src/channels/webex/signature';
import { WebexAdapter } from '../../../src/channels/webex/webexAdapter';
import type { WebexEmulator } from '../../../tools/webex-emulator/server';
import { startEmulator, stopAll } from '../../helpers/webexEmulator';
import { botClient } from './helpers';

let emulator: WebexEmulator;
let url: string;
const card = { type: 'AdaptiveCard', version: '1.3', body: [{ type: 'TextBlock', text: 'Hi' }] };
const CARD = 'application/vnd.microsoft.card.adaptive';

beforeEach(async () => {
  ({ emulator, url } = await startEmulator());
});
afterEach(() => stopAll());

const call = (method: string, path: string, body?: unknown, token = emulator.botToken) =>
  fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** A local webhook target recording each POST and whether its signature is right. */
async function receiver(secret: string) {
  const got: Array<{ body: any; signed: boolean }> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      got.push({ body: JSON.parse(raw.toString()), signed: isValidSignature(secret, raw, req.headers['x-spark-signature']) });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { got, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}

describe('the emulator as the Webex app (bot token)', () => {
  test('the bot token reaches messaging only, the admin token the admin APIs only', async () => {
    const me = await (await call('GET', '/people/me')).json();
    expect(me).toMatchObject({ id: emulator.messaging.bot.id, emails: ['provisio@webex.bot'], type: 'bot' });
    expect((await call('GET', '/licenses')).status).toBe(403);
    expect((await call('GET', '/webhooks', undefined, emulator.token)).status).toBe(404);
    expect((await call('GET', '/people/me', undefined, 'nope')).status).toBe(401);
  });

  test('POST /messages keeps Webex rules: one card, a markdown fallback, Adaptive Cards 1.3 at most, 7439 bytes', async () => {
    const person = emulator.messaging.personByEmail('a@b.example');
    const room = emulator.messaging.directRoom(person.id);
    const ok = await call('POST', '/messages', { roomId: room.id, markdown: 'Hi', attachments: [{ contentType: CARD, content: card }] });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ roomId: room.id, roomType: 'direct', markdown: 'Hi', personId: emulator.messaging.bot.id, attachments: [{ contentType: CARD }] });
    const refused = async (body: object) => (await call('POST', '/messages', { roomId: room.id, ...body })).status;
    expect(await refused({ markdown: 'x', attachments: [{ contentType: CARD, content: card }, { contentType: CARD, content: card }] })).toBe(400);
    expect(await refused({ attachments: [{ contentType: CARD, content: card }] })).toBe(400);
    expect(await refused({ markdown: 'x', attachments: [{ contentType: CARD, content: { ...card, version: '1.4' } }] })).toBe(400);
    expect(await refused({ markdown: 'x', attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: card }] })).toBe(400);
    expect(await refused({ markdown: 'x'.repeat(7440) })).toBe(400);
    expect(await refused({})).toBe(400);
    expect((await call('POST', '/messages', { roomId: 'nope', markdown: 'x' })).status).toBe(404);
    // By e-mail: the 1:1 space with that person.
    expect(await (await call('POST', '/messages', { toPersonEmail: 'a@b.example', markdown: 'yo' })).json()).toMatchObject({ roomId: room.id });
  });

  test('webhooks: create, no duplicate, list, update, delete; deliveries signed with the secret', async () => {
    const target = await receiver('sec');
    try {
      const body = { name: 'm', targetUrl: target.url, resource: 'messages', event: 'created', secret: 'sec' };
      const created = await (await call('POST', '/webhooks', body)).json();
      expect(created).toMatchObject({ ...body, status: 'active', id: expect.stringMatching(/^Y2lzY29zcGFyazovL3VzL1dFQkhPT0sv/) });
      expect((await call('POST', '/webhooks', body)).status).toBe(409);
      expect((await call('POST', '/webhooks', { ...body, resource: 'nope' })).status).toBe(400);
      expect(((await (await call('GET', '/webhooks')).json()) as any).items).toHaveLength(1);

      const { message, deliveries } = await emulator.personSays({ from: 'jm.chamblay@sandbox.example', text: 'hello' });
      expect(deliveries).toEqual([{ webhookId: created.id, resource: 'messages', event: 'created', dataId: message.id, status: 200 }]);
      expect(target.got[0].signed).toBe(true);
      expect(target.got[0].body).toMatchObject({
        id: created.id,
        resource: 'messages',
        event: 'created',
        actorId: message.personId,
        data: { id: message.id, roomId: message.roomId, roomType: 'direct', personEmail: 'jm.chamblay@sandbox.example' },
      });
      // The text is not in the webhook: the bot reads it with its token.
      expect(JSON.stringify(target.got[0].body)).not.toContain('hello');
      expect(await (await call('GET', `/messages/${message.id}`)).json()).toMatchObject({ text: 'hello' });

      expect((await call('PUT', `/webhooks/${created.id}`, { name: 'm2', targetUrl: target.url, secret: 'other' })).status).toBe(200);
      await emulator.personSays({ from: 'jm.chamblay@sandbox.example', text: 'again' });
      expect(target.got[1].signed).toBe(false);
      expect((await call('DELETE', `/webhooks/${created.id}`)).status).toBe(204);
      expect((await emulator.personSays({ from: 'jm.chamblay@sandbox.example', text: 'gone' })).deliveries).toEqual([]);
    } finally {
      target.server.close();
    }
  });

  test('a group space: the bot sees only messages that mention it, and lists them with mentionedPeople=me', async () => {
    const a = emulator.messaging.personByEmail('jm.chamblay@sandbox.example');
    const room = emulator.messaging.groupRoom('Team', [a.id]);
    const quiet = await emulator.personSays({ from: a.email, roomId: room.id, text: 'just chatting' });
    const asked = await emulator.personSays({ from: a.email, roomId: room.id, text: 'help', mentionBot: true });
    expect(asked.message).toMatchObject({ text: 'Provisio help', mentionedPeople: [emulator.messaging.bot.id] });
    expect(asked.message.html).toContain(`data-object-id="${emulator.messaging.bot.id}"`);
    expect((await call('GET', `/messages/${quiet.message.id}`)).status).toBe(404);
    expect((await call('GET', `/messages?roomId=${encodeURIComponent(room.id)}`)).status).toBe(403);
    const listed = (await (await call('GET', `/messages?roomId=${encodeURIComponent(room.id)}&mentionedPeople=me`)).json()) as any;
    expect(listed.items.map((m: any) => m.id)).toEqual([asked.message.id]);
  });

  test('the test-facing control API acts as a person over HTTP (admin token): message with a file, card submit, room history', async () => {
    const control = (path: string, body?: unknown) =>
      fetch(`${url.replace(/\/v1$/, '')}/_emulator${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const said = (await (await control('/messages', { from: 'x@y.example', text: 'file', file: { name: 'a.csv', base64: Buffer.from('A\n1').toString('base64') } })).json()) as any;
    expect(said.message.files).toEqual([expect.stringMatching(new RegExp(`^${url}/contents/`))]);
    const content = await call('GET', said.message.files[0].slice(url.length));
    expect(content.headers.get('content-disposition')).toBe('attachment; filename="a.csv"');
    expect(await content.text()).toBe('A\n1');
    const posted = await (await call('POST', '/messages', { roomId: said.message.roomId, markdown: 'Pick', attachments: [{ contentType: CARD, content: card }] })).json();
    const clicked = (await (await control('/attachmentActions', { from: 'x@y.example', messageId: posted.id, inputs: { action: 'go', n: '1' } })).json()) as any;
    expect(await (await call('GET', `/attachment/actions/${clicked.action.id}`)).json()).toMatchObject({ type: 'submit', messageId: posted.id, inputs: { action: 'go', n: '1' } });
    expect((await control('/attachmentActions', { from: 'x@y.example', messageId: said.message.id, inputs: {} })).status).toBe(400);
    const history = (await (await control(`/rooms/${encodeURIComponent(said.message.roomId)}/messages`)).json()) as any;
    expect(history.items.map((m: any) => m.text)).toEqual(['file', 'Pick']);
  });

  test('the Webex adapter posts, edits and deletes the bot messages through the API', async () => {
    const person = emulator.messaging.personByEmail('a@b.example');
    const room = emulator.messaging.directRoom(person.id);
    const adapter = new WebexAdapter(botClient(emulator));
    const context = new TurnContext(adapter, { type: 'message', channelId: 'webex', conversation: { id: room.id, isGroup: false, conversationType: 'direct', name: '' } });
    const sent = await context.sendActivity('first');
    expect(emulator.messaging.messages.get(sent!.id)).toMatchObject({ markdown: 'first' });
    await context.updateActivity({ id: sent!.id, text: 'edited', conversation: context.activity.conversation });
    expect(emulator.messaging.messages.get(sent!.id)).toMatchObject({ markdown: 'edited' });
    await context.deleteActivity(sent!.id);
    expect(emulator.messaging.messages.has(sent!.id)).toBe(false);
  });
});
