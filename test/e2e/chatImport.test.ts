import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startBot, send as sendTo, type BotProcess } from '../helpers/botProcess';
import { buttonData, linkUrl, tempDir } from '../helpers/dialogHarness';

const SHARED = path.join(__dirname, '../../../shared/fixtures/csv');
const FILLED = fs.readFileSync(path.join(SHARED, 'webex-contacts-template-filled.csv'));
const ROW_ERRORS = fs.readFileSync(path.join(__dirname, '../fixtures/csv/webex-row-errors.csv'));

interface Recorder {
  url: string;
  requests: string[];
  server: http.Server;
}

/** A loopback HTTP server that records every request and answers with `handler`. */
async function recorder(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void): Promise<Recorder> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}`);
      handler(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

let bot: BotProcess;
/** One activity from an English-speaking admin; the bot's replies come back (expectReplies). */
const send = (url: string, activity: Record<string, unknown>, conversation: string) => sendTo(url, { locale: 'en-US', ...activity }, conversation);
let files: Recorder;
const served = new Map<string, Buffer>();
/** What the bot sent on its own (proactive messages), as a channel's connector service receives them. */
const pushed: any[] = [];
let channel: Recorder;

beforeAll(async () => {
  files = await recorder((req, res) => {
    const body = served.get(req.url!);
    res.statusCode = body ? 200 : 404;
    res.end(body ?? '');
  });
  channel = await recorder((_req, res, body) => {
    pushed.push(JSON.parse(body));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ id: `pushed-${pushed.length}` }));
  });
  bot = await startBot({ DATA_DIR: tempDir(), DEFAULT_LOCALE: 'en' });
});
// No turn may fail on the way, not even after its replies were sent (a proactive turn has no caller to see it).
afterEach(() => expect(bot.logs.filter((line) => line.includes('"level":50'))).toEqual([]));
afterAll(async () => {
  await bot.stop();
  await Promise.all([files, channel].map((r) => new Promise((resolve) => r.server.close(resolve))));
});

function attach(name: string, bytes: Buffer) {
  served.set(`/${name}`, bytes);
  return { attachments: [{ contentType: 'text/csv', name, contentUrl: `${files.url}/${name}` }] };
}

const text = (activities: any[]) => JSON.stringify(activities);

describe('contacts import over HTTP, as a chat client does it', () => {
  test('attachment → preview → Import → result → error file downloaded → fixed → imported', async () => {
    const conversation = 'import-e2e-1';
    const preview = await send(bot.url, attach('errors.csv', ROW_ERRORS), conversation);
    expect(preview.status).toBe(200);
    expect(text(preview.activities)).toMatch(/Preview of errors\.csv/);
    expect(files.requests).toContain('GET /errors.csv');

    const result = await send(bot.url, { value: buttonData(preview.activities, /^Import$/) }, conversation);
    expect(text(result.activities)).toContain('Import finished, with errors');
    const errorsUrl: string = linkUrl(result.activities, /Download the error file/);
    expect(errorsUrl.startsWith(`${bot.url}/files/`)).toBe(true);

    const response = await fetch(errorsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="webex-contacts-errors\.csv"/);
    const [header, ...rows] = (await response.text()).replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(header).toMatch(/,Comments$/);
    // Fix every row the simplest way: keep only those whose sole problem was the missing name, and name them.
    const fixed = [header, rows[0].replace(/^,/, 'Named Now,')].join('\r\n');

    const again = await send(bot.url, attach('errors-fixed.csv', Buffer.from(fixed)), conversation);
    expect(text(again.activities)).toMatch(/"title":"To create","value":"1"/);
    const done = await send(bot.url, { value: buttonData(again.activities, /^Import$/) }, conversation);
    expect(text(done.activities)).toMatch(/"title":"Created","value":"1"[\s\S]*"title":"Errors","value":"0"/);
  });

  test('a double submit of Import imports once', async () => {
    const conversation = 'import-e2e-2';
    const preview = await send(bot.url, attach('filled.csv', FILLED), conversation);
    const click = { value: buttonData(preview.activities, /^Import$/) };
    const [first, second] = await Promise.all([send(bot.url, click, conversation), send(bot.url, click, conversation)]);
    const texts = [text(first.activities), text(second.activities)];
    expect(texts.filter((t) => t.includes('Import finished'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('already been imported'))).toHaveLength(1);
  });

  test('the upload link: page, file posted, then the preview arrives by itself in the conversation', async () => {
    const conversation = 'import-e2e-3';
    const asked = await send(bot.url, { text: 'import contacts', serviceUrl: `${channel.url}/` }, conversation);
    const uploadUrl: string = linkUrl(asked.activities, /Upload a file/);
    expect(uploadUrl.startsWith(`${bot.url}/upload/`)).toBe(true);
    const page = await fetch(uploadUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post" enctype="multipart/form-data"');

    const form = new FormData();
    form.append('file', new Blob(['Display Name,Phone Number 1,Phone Number 1 Type\r\nUploaded One,01 23 45 67 99,work\r\n']), 'uploaded.csv');
    const posted = await fetch(uploadUrl, { method: 'POST', body: form });
    expect(posted.status).toBe(200);
    const preview = pushed.find((a) => JSON.stringify(a).includes('Preview of uploaded.csv'));
    expect(preview).toBeDefined();
    expect(preview.conversation.id).toBe(conversation);

    const click = buttonData([preview], /^Import$/);
    expect(click).toMatchObject({ action: 'importConfirm' });
    const result = await send(bot.url, { value: click, serviceUrl: `${channel.url}/` }, conversation);
    expect(text(result.activities)).toMatch(/"title":"Created","value":"1"/);
    expect((await fetch(uploadUrl, { method: 'POST', body: form })).status).toBe(410);
  });

  test('a host that is not allowed, directly or through a redirect, is refused without any request to it', async () => {
    const target = await recorder((_req, res) => res.end('Display Name\nX'));
    try {
      // *.nip.io names resolve to the address they spell: only the host check keeps this one out.
      const port = new URL(target.url).port;
      const direct = await send(bot.url, { attachments: [{ contentType: 'text/csv', name: 'a.csv', contentUrl: `http://127.0.0.1.nip.io:${port}/a.csv` }] }, 'import-e2e-4');
      expect(text(direct.activities)).toContain('I do not download files from 127.0.0.1.nip.io');

      const redirect = await recorder((_req, res) => {
        res.statusCode = 302;
        res.setHeader('location', `http://127.0.0.1.nip.io:${port}/b.csv`);
        res.end();
      });
      const viaRedirect = await send(bot.url, { attachments: [{ contentType: 'text/csv', name: 'b.csv', contentUrl: `${redirect.url}/b.csv` }] }, 'import-e2e-4');
      expect(text(viaRedirect.activities)).toContain('I do not download files from 127.0.0.1.nip.io');
      expect(redirect.requests).toEqual(['GET /b.csv']);
      expect(target.requests).toEqual([]);
      redirect.server.close();
    } finally {
      target.server.close();
    }
  });
});
