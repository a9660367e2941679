import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity, TurnContext } from 'botbuilder';
import pino from 'pino';
import { verifiedWebexEmail } from '../../../src/channels/webex/identity';
import { webexSignature } from '../../../src/channels/webex/signature';
import { WebexChannel } from '../../../src/channels/webex/webexChannel';
import { registerWebhooks } from '../../../src/channels/webex/webhookRegistration';
import type { WebexEmulator } from '../../../tools/webex-emulator/server';
import { startEmulator, stopAll } from '../../helpers/webexEmulator';
import { botClient } from './helpers';

const SECRET = 'unit-secret';
let emulator: WebexEmulator;
let server: http.Server;
let target: string;
let channel: WebexChannel;
const turns: Array<{ activity: Partial<Activity>; email?: string }> = [];
let turnDelayMs = 0;

beforeEach(async () => {
  const started = await startEmulator();
  emulator = started.emulator;
  turns.length = 0;
  turnDelayMs = 0;
  channel = new WebexChannel({
    botToken: emulator.botToken,
    webhookSecret: SECRET,
    apiUrl: started.url,
    timeoutMs: 5000,
    maxFileBytes: 1000,
    logger: pino({ level: 'silent' }),
    ackAfterMs: 100,
    run: async (context: TurnContext) => {
      await new Promise((r) => setTimeout(r, turnDelayMs));
      turns.push({ activity: context.activity, email: verifiedWebexEmail(context) });
    },
  });
  server = http.createServer((req, res) => void channel.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await registerWebhooks(botClient(emulator), target, SECRET);
});
afterEach(async () => {
  await channel.idle();
  server.close();
  await stopAll();
});

const post = (body: string, signed = true) =>
  fetch(`${target}/api/webex`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signed && { 'x-spark-signature': webexSignature(SECRET, Buffer.from(body)) }) }, body });

describe('WebexChannel', () => {
  test('a message: read with the bot token, author named and e-mail verified, the Webex file marked and named', async () => {
    await emulator.personSays({ from: 'jm.chamblay@sandbox.example', text: 'import', file: { name: 'c.csv', contentType: 'text/csv', bytes: Buffer.from('a\n1') } });
    expect(turns).toHaveLength(1);
    const [{ activity, email }] = turns;
    expect(email).toBe('jm.chamblay@sandbox.example');
    expect(activity).toMatchObject({ channelId: 'webex', text: 'import', from: { name: 'Jean-Marc Chamblay' } });
    expect(activity.attachments).toEqual([{ contentType: 'text/csv', name: 'c.csv', contentUrl: expect.stringMatching(/\/contents\/[^#]+#webex-file=[0-9a-f]{64}$/) }]);
    expect(channel.files.unmark(activity.attachments![0].contentUrl!)).toBeDefined();
  });

  test('a card submit: the inputs as value, the e-mail looked up in Webex', async () => {
    const person = emulator.messaging.personByEmail('c.dubois@sandbox.example');
    const room = emulator.messaging.directRoom(person.id);
    const { body: card } = await botClient(emulator).request<{ id: string }>('POST', '/messages', {
      body: { roomId: room.id, markdown: 'Pick', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.3', body: [] } }] },
    });
    await emulator.personSubmits({ from: person.email, messageId: card.id, inputs: { action: 'addUser', name: 'x' } });
    await emulator.settled();
    expect(turns).toHaveLength(1); // the bot's own card message came back as a webhook and was ignored
    expect(turns[0]).toMatchObject({ email: 'c.dubois@sandbox.example', activity: { text: '', value: { action: 'addUser', name: 'x' }, replyToId: card.id, conversation: { id: room.id } } });
  });

  test('the same webhook twice runs once; other resources and events are answered 200 and ignored', async () => {
    const { message } = await emulator.personSays({ from: 'a@b.example', text: 'hi' });
    const again = JSON.stringify({ resource: 'messages', event: 'created', data: { id: message.id, roomId: message.roomId, personId: message.personId } });
    expect((await post(again)).status).toBe(200);
    expect((await post(JSON.stringify({ resource: 'memberships', event: 'created', data: { id: 'x', roomId: 'y' } }))).status).toBe(200);
    expect((await post(JSON.stringify({ resource: 'messages', event: 'deleted', data: { id: 'z', roomId: 'y' } }))).status).toBe(200);
    expect(turns).toHaveLength(1);
  });

  test('refused: no or bad signature 401, not JSON 400, over 64 KB 413; none runs a turn', async () => {
    const body = JSON.stringify({ resource: 'messages', event: 'created', data: { id: 'm', roomId: 'r' } });
    expect((await post(body, false)).status).toBe(401);
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ pad: 'x'.repeat(70_000) }))).status).toBe(413);
    expect(turns).toHaveLength(0);
  });

  test('a slow turn: Webex gets its 200 at the ack deadline, the turn goes on, and idle() waits for it', async () => {
    turnDelayMs = 400;
    const started = Date.now();
    const { deliveries } = await emulator.personSays({ from: 'a@b.example', text: 'slow' });
    expect(deliveries[0].status).toBe(200);
    expect(Date.now() - started).toBeLessThan(350);
    expect(turns).toHaveLength(0);
    await channel.idle();
    expect(turns).toHaveLength(1);
  });

  test('turns of one space run in the order their webhooks came, even when the first is slow to read', async () => {
    emulator.faults = { rules: [{ match: 'GET /messages/', status: 0, times: 1, delayMs: 200 }] };
    const first = emulator.personSays({ from: 'a@b.example', text: 'one' });
    await new Promise((r) => setTimeout(r, 20));
    await Promise.all([first, emulator.personSays({ from: 'a@b.example', text: 'two' })]);
    await channel.idle();
    expect(turns.map((t) => t.activity.text)).toEqual(['one', 'two']);
  });
});
