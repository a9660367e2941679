import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { send as sendToBotFramework, type BotProcess } from '../../helpers/botProcess';
import { buttonData, linkUrl, tempDir, visibleText } from '../../helpers/dialogHarness';
import { signatureOf } from '../../../tools/webex-emulator/webhooks';
import type { WebexEmulator } from '../../../tools/webex-emulator/server';
import { startEmulator, stopAll } from '../../helpers/webexEmulator';
import { SECRET, WebexPerson, said, startWebexBot } from './helpers';

const FIXTURE = path.join(__dirname, '../../../../shared/fixtures/csv/webex-contacts-template-filled.csv');
const ADMIN = 'jm.chamblay@sandbox.example';
const HELPDESK = 'c.dubois@sandbox.example';
const NOBODY = 'j.rouchon@sandbox.example';

let emulator: WebexEmulator;
let bot: BotProcess;

beforeAll(async () => {
  ({ emulator } = await startEmulator({ jobDurationMs: 20 }));
  bot = await startWebexBot(emulator, tempDir(), { ADMINS: ADMIN.toUpperCase(), HELPDESK: HELPDESK });
});
// No turn may fail, not even after its replies were sent.
afterEach(() => expect(bot.logs.filter((line) => line.includes('"level":50'))).toEqual([]));
afterAll(async () => {
  await bot.stop();
  await stopAll();
});

const messageGets = () => emulator.stats.byRoute['GET ^\\/messages\\/([^/]+)$'] ?? 0;
const text = (messages: Array<{ text?: string; attachments?: unknown }>) => visibleText(messages as never);

describe('the Webex app as a channel (built bot, Webex emulator, signed webhooks over HTTP)', () => {
  test('an admin adds a user entirely through Webex messages and card submits; the user exists in Webex', async () => {
    const admin = new WebexPerson(emulator, ADMIN);
    expect(text(await admin.say('add user'))).toContain('First name, last name and e-mail');
    const licences = await admin.say('Ada Lovelace ada@example.com');
    const locations = await admin.click(licences, /^Webex Suite/);
    const numbers = await admin.click(locations, /^Siège — Paris$/);
    const extension = await admin.click(numbers, /^\+33 1 42 68 01 01$/);
    const summary = await admin.click(extension, /^0101$/);
    expect(text(summary)).toContain('Summary');
    const created = await admin.click(summary, /^Confirm$/);
    expect(text(created)).toContain('User Ada Lovelace created');

    const ada = [...emulator.org.people.values()].find((p) => p.email === 'ada@example.com');
    expect(ada).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', phoneNumber: '+33142680101', extension: '0101' });
    // Webex shows one card per message, each with a markdown fallback.
    const sent = emulator.messaging.roomMessages(admin.roomId!).filter((m) => m.personId === emulator.messaging.bot.id);
    for (const m of sent) expect(m.attachments?.length ?? 0).toBeLessThanOrEqual(1);
    expect(sent.filter((m) => m.attachments?.length).every((m) => m.markdown && m.markdown.length > 0)).toBe(true);
  });

  test('the admin drops the contacts CSV in the space: preview, Import, result card; the contacts exist in Webex', async () => {
    const admin = new WebexPerson(emulator, ADMIN);
    const bytes = fs.readFileSync(FIXTURE);
    const preview = await admin.say('', { file: { name: 'webex-contacts-template-filled.csv', contentType: 'text/csv', bytes } });
    // The name comes from the download's Content-Disposition; the bytes were fetched with the bot token.
    expect(text(preview)).toContain('Preview of webex-contacts-template-filled.csv');
    expect(said(preview)).toMatch(/"title":"To create","value":"8"/);
    expect(emulator.messaging.fileDownloads).toHaveLength(1);
    const result = await admin.click(preview, /^Import$/);
    expect(said(result)).toMatch(/"title":"Created","value":"8"[\s\S]*"title":"Errors","value":"0"/);
    const names = [...emulator.org.contacts.values()].map((c) => c.displayName).sort();
    expect(names).toEqual(Array.from({ length: 8 }, (_, i) => `fournisseur ${i + 1}`));
  });

  test('the upload link of the import card works from Webex: the preview arrives in the space by itself', async () => {
    const admin = new WebexPerson(emulator, ADMIN);
    const asked = await admin.say('import contacts');
    const uploadUrl = linkUrl(asked as never, /Upload a file/);
    const form = new FormData();
    form.append('file', new Blob(['Display Name,Phone Number 1,Phone Number 1 Type\r\nUploaded One,01 23 45 67 99,work\r\n']), 'uploaded.csv');
    const before = emulator.messaging.roomMessages(admin.roomId!).length;
    expect((await fetch(uploadUrl, { method: 'POST', body: form })).status).toBe(200);
    const pushed = emulator.messaging.roomMessages(admin.roomId!).slice(before);
    expect(text(pushed)).toContain('Preview of uploaded.csv');
    const result = await admin.click(pushed, /^Import$/);
    expect(said(result)).toMatch(/"title":"Created","value":"1"/);
  });

  test('a bad or missing signature is refused with 401 and nothing runs', async () => {
    const admin = new WebexPerson(emulator, ADMIN);
    await admin.say('help');
    const target = `${bot.url}/api/webex`;
    // A real message of the admin (stored, not delivered), so that a webhook that got through would be answered.
    const person = emulator.messaging.personByEmail(ADMIN);
    const message = emulator.messaging.addMessage({ roomId: admin.roomId!, roomType: 'direct', text: 'help', personId: person.id, personEmail: person.email });
    const body = JSON.stringify({ resource: 'messages', event: 'created', data: { id: message.id, roomId: message.roomId, personId: message.personId } });
    const gets = messageGets();
    const count = emulator.messaging.messages.size;
    const post = (headers: Record<string, string>, payload = body) =>
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-spark-signature': signatureOf('another-secret', body) })).status).toBe(401);
    expect((await post({ 'x-spark-signature': 'not-hex' })).status).toBe(401);
    // Signed, then changed on the way: the signature is over the raw bytes.
    expect((await post({ 'x-spark-signature': signatureOf(SECRET, body) }, body.replace('"created"', '"created" '))).status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(messageGets()).toBe(gets);
    expect(emulator.messaging.messages.size).toBe(count);
    expect(bot.logs.filter((l) => l.includes('bad or missing signature'))).toHaveLength(4);
    expect(bot.logs.join('\n')).not.toContain(SECRET);
    expect(bot.logs.join('\n')).not.toContain(emulator.botToken);
  });

  test('a 429 on POST /messages is retried after Retry-After and the reply arrives once', async () => {
    const admin = new WebexPerson(emulator, ADMIN);
    emulator.faults = { rules: [{ match: 'POST /messages', status: 429, times: 1, retryAfter: 1 }] };
    const throttled = emulator.stats.throttled;
    const started = Date.now();
    const replies = await admin.say('help');
    expect(emulator.stats.throttled).toBe(throttled + 1);
    expect(emulator.faults.rules[0].times).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(replies).toHaveLength(1);
    expect(text(replies)).toContain('Add a user');
    emulator.faults = { rules: [] };
  });

  test("the bot ignores its own messages: their webhooks are answered without reading them, and nothing loops", async () => {
    const admin = new WebexPerson(emulator, ADMIN);
    await admin.say('help');
    await emulator.settled();
    const gets = messageGets();
    const count = emulator.messaging.messages.size;
    const own = emulator.deliveries.length;
    const replies = await admin.say('help');
    await emulator.settled();
    await new Promise((r) => setTimeout(r, 200));
    // One read (the admin's message), none of the bot's reply, whose webhook did come back.
    expect(messageGets()).toBe(gets + 1);
    expect(emulator.messaging.messages.size).toBe(count + 1 + replies.length);
    const ownDeliveries = emulator.deliveries.slice(own).filter((d) => replies.some((r) => r.id === d.dataId));
    expect(ownDeliveries.map((d) => d.status)).toEqual(replies.map(() => 200));
  });

  test('roles match Webex e-mails: a stranger is refused, help-desk may not import; an e-mail in an activity proves nothing', async () => {
    const stranger = new WebexPerson(emulator, NOBODY);
    expect(text(await stranger.say('add user'))).toContain(`not allowed to use Provisio`);
    expect(text(await stranger.say('help'))).toContain(NOBODY);
    const helpdesk = new WebexPerson(emulator, HELPDESK);
    expect(text(await helpdesk.say('import contacts'))).toContain('is reserved for administrators');
    expect(text(await helpdesk.say('help'))).toContain('Add a user');

    // The same e-mail claimed through /api/messages is not believed.
    const forged = await sendToBotFramework(bot.url, { text: 'help', channelId: 'webex', from: { id: 'x', name: 'x', properties: { email: ADMIN } }, locale: 'en-US' });
    expect(JSON.stringify(forged.activities)).toContain('not allowed to use Provisio');
  });

  test('a file URL on another host is never fetched with the bot token', async () => {
    const seen: Array<{ url?: string; authorization?: string }> = [];
    const other = http.createServer((req, res) => {
      seen.push({ url: req.url, authorization: req.headers.authorization });
      res.end('Display Name,Phone Number 1\r\nElsewhere,0123456799\r\n');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const port = (other.address() as AddressInfo).port;
      const admin = new WebexPerson(emulator, ADMIN);
      // Same path shape as Webex contents, another origin: a plain attachment, downloaded (local mode) without any token.
      await admin.say('', { fileUrls: [`http://127.0.0.1:${port}/v1/contents/abc`] });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((s) => s.authorization === undefined)).toBe(true);
    } finally {
      other.close();
    }
  });

  test('in a group space the bot answers when mentioned, the mention taken out of the command', async () => {
    const admin = emulator.messaging.personByEmail(ADMIN);
    const room = emulator.messaging.groupRoom('IT team', [admin.id]);
    const person = new WebexPerson(emulator, ADMIN, { roomId: room.id });
    const replies = await person.say('help', { mentionBot: true });
    expect(text(replies)).toContain('Add a user');
    expect(buttonData(replies as never, /^Add a user$/)).toMatchObject({ action: 'addUser' });
  });
});
