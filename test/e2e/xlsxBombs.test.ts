/**
 * .xlsx bombs (#27) over HTTP, against the built bot (`npm run build`: there the
 * sheet is read on a worker thread). Each bomb goes through an upload link, as
 * a browser posts it, all of them at once, while another conversation asks for
 * help. Before the fix each of them held the event loop for 30 to 80 s.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startBot, send as sendTo, type BotProcess } from '../helpers/botProcess';
import { linkUrl, tempDir } from '../helpers/dialogHarness';
import { BOMBS, bigWorkbook } from '../helpers/xlsxBombs';

/** What each bomb's refusal says, in English (badInput.test.ts checks both languages through the CLI). */
const REFUSALS: Record<keyof typeof BOMBS, RegExp> = {
  'bomb-spaces-50mb.xlsx': /Once unzipped, this \.xlsx workbook holds 50\.0 MB of data; the limit is 40\.0 MB\. Keep only the sheet to import/,
  'bomb-cell-300mb.xlsx': /Once unzipped, this \.xlsx workbook holds 300\.0 MB of data; the limit is 40\.0 MB\./,
  'bomb-lying-size.xlsx': /This \.xlsx workbook cannot be read \(damaged or password-protected\)\. Open it in your spreadsheet and save it again/,
  'bomb-many-parts.xlsx': /This \.xlsx workbook is made of 5,005 parts \(sheets, images, charts…\); the limit is 1,000\. Copy the rows/,
  'bomb-far-cell.xlsx': /The sheet has a value in cell XFD20000, beyond the last column read \(IV, the 256th\)\. Delete what is right of your data/,
};
/** The menu that `help` shows. */
const HELP = /What would you like to do\?/;

let bot: BotProcess;
let dataDir: string;
/** The channel's connector service: what the bot sends on its own (an upload's answer comes that way). */
let channel: http.Server;
let serviceUrl: string;
const pushed: Array<{ conversation: string; text: string }> = [];

beforeAll(async () => {
  channel = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const activity = JSON.parse(body);
      pushed.push({ conversation: activity.conversation?.id, text: JSON.stringify(activity) });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `pushed-${pushed.length}` }));
    });
  });
  await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;
  dataDir = tempDir();
  bot = await startBot({ DATA_DIR: dataDir, DEFAULT_LOCALE: 'en' });
});
afterEach(() => expect(bot.logs.filter((line) => line.includes('"level":50'))).toEqual([]));
afterAll(async () => {
  await bot?.stop();
  await new Promise((resolve) => channel.close(resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const send = (text: string, conversation: string) => sendTo(bot.url, { text, locale: 'en-US', serviceUrl }, conversation);
const said = (conversation: string) => pushed.filter((p) => p.conversation === conversation).map((p) => p.text);

/** Asks for an upload link in `conversation`. */
async function uploadLink(conversation: string): Promise<string> {
  return linkUrl((await send('import contacts', conversation)).activities, /Upload a file/);
}

/** Posts a file to an upload link as a browser form does; `sent` settles once the whole body is on its way. */
async function upload(url: string, fileName: string, bytes: Buffer): Promise<{ sent: Promise<void>; status: Promise<number> }> {
  const form = new FormData();
  form.append('file', new Blob([bytes]), fileName);
  const request = new Request(url, { method: 'POST', body: form });
  const body = Buffer.from(await request.arrayBuffer());
  const req = http.request(url, { method: 'POST', headers: { 'content-type': request.headers.get('content-type')!, 'content-length': body.length } });
  const status = new Promise<number>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => res.resume().on('end', () => resolve(res.statusCode!)));
  });
  const sent = new Promise<void>((resolve) => req.end(body, resolve));
  return { sent, status };
}

test('every bomb, posted at once, is refused with its clear message and nothing is written, while another conversation gets its help', async () => {
  const names = Object.keys(REFUSALS) as (keyof typeof BOMBS)[];
  const org = fs.readFileSync(path.join(dataDir, 'org.json'));
  const links = await Promise.all(names.map((name) => uploadLink(`bomb ${name}`)));
  const uploads = await Promise.all(names.map((name, i) => upload(links[i], name, BOMBS[name]())));
  await Promise.all(uploads.map((u) => u.sent));

  // The bombs are in the bot's hands: another conversation is answered meanwhile.
  const help = await send('help', 'bystander');
  expect(JSON.stringify(help.activities)).toMatch(HELP);

  expect(await Promise.all(uploads.map((u) => u.status))).toEqual(names.map(() => 200));
  for (const name of names) {
    const [refusal, next] = said(`bomb ${name}`);
    expect(refusal).toMatch(REFUSALS[name]);
    expect(refusal).toContain('Nothing was imported.');
    expect(next).toContain('Send me the contacts file');
  }
  // Nothing written: no contact (their journal), the org as it was.
  expect(fs.existsSync(path.join(dataDir, 'contacts.jsonl'))).toBe(false);
  expect(fs.readFileSync(path.join(dataDir, 'org.json')).equals(org)).toBe(true);
});

test('a big legitimate workbook (10,000 rows, 4.9 MB) is read off the event loop: a help turn sent once it is posted is answered before its preview', async () => {
  const conversation = 'big workbook';
  const file = bigWorkbook();
  const posted = await upload(await uploadLink(conversation), 'big.xlsx', file);
  let done = false;
  const status = posted.status.then((code) => ((done = true), code));
  await posted.sent;

  const help = await send('help', 'bystander');
  expect(JSON.stringify(help.activities)).toMatch(HELP);
  expect(done).toBe(false);
  expect(said(conversation).filter((text) => text.includes('Preview of big.xlsx'))).toEqual([]);

  expect(await status).toBe(200);
  expect(said(conversation).filter((text) => text.includes('Preview of big.xlsx'))).toHaveLength(1);
});
