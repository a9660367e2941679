import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openWebexDirectory } from '../../src/directory/webex/webexDirectory';
import { blobContainer } from '../../src/platform/store/container';
import { WebexEmulator } from '../../tools/webex-emulator/server';
import { containerName, startAzurite, type RunningAzurite } from '../helpers/azurite';
import { startBot, send, type BotProcess } from '../helpers/botProcess';
import { buttonData, linkUrl, tempDir } from '../helpers/dialogHarness';
import { visibleText } from '../helpers/visibleText';

/**
 * Two bot processes on one Azurite container (STATE_STORE=blob) and one
 * Webex org (the emulator), as behind a load balancer: a conversation's turns
 * go to either instance, links made on one are served by the other, and the
 * one-import-per-org lock holds across them, and frees itself after
 * IMPORT_LOCK_TTL_SECONDS when its holder is killed.
 */

const LOCK_TTL_SECONDS = 3;
let azurite: RunningAzurite;
let emulator: WebexEmulator;
let emulatorUrl: string;
let container: string;
let one: BotProcess;
let two: BotProcess;
const dataDirs: string[] = [];
/** A chat channel's connector: what the bots send on their own (the preview after an upload) lands here. */
let channel: http.Server;
let channelUrl: string;
const pushed: any[] = [];

const ALICE = { id: 'admin-alice', name: 'Alice Admin' };
const BOB = { id: 'admin-bob', name: 'Bob Admin' };

async function launch(): Promise<BotProcess> {
  const dataDir = tempDir();
  dataDirs.push(dataDir);
  return startBot({
    DATA_DIR: dataDir,
    DEFAULT_LOCALE: 'en',
    DIRECTORY_BACKEND: 'webex',
    WEBEX_API_URL: emulatorUrl,
    WEBEX_ACCESS_TOKEN: emulator.token,
    WEBEX_ORG_ID: emulator.orgId,
    STATE_STORE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: container,
    IMPORT_LOCK_TTL_SECONDS: String(LOCK_TTL_SECONDS),
  });
}

beforeAll(async () => {
  azurite = await startAzurite();
  emulator = new WebexEmulator();
  emulatorUrl = await emulator.listen(0);
  container = containerName('scale');
  channel = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      pushed.push(JSON.parse(body));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `pushed-${pushed.length}` }));
    });
  });
  await new Promise<void>((resolve) => channel.listen(0, '127.0.0.1', resolve));
  channelUrl = `http://127.0.0.1:${(channel.address() as AddressInfo).port}/`;
  [one, two] = await Promise.all([launch(), launch()]);
}, 60_000);

afterAll(async () => {
  for (const bot of [one, two]) if (bot && bot.child.exitCode === null && bot.child.signalCode === null) await bot.stop();
  await new Promise((resolve) => channel.close(resolve));
  await emulator.close();
  await azurite.stop();
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** One turn of `from` in `conversation` on `bot`; the replies as the person reads them, and the raw activities. */
async function turn(bot: BotProcess, conversation: string, from: { id: string; name: string }, activity: Record<string, unknown>) {
  const { status, activities } = await send(bot.url, { locale: 'en-US', from, serviceUrl: channelUrl, ...activity }, conversation);
  expect(status).toBe(200);
  return { text: visibleText(activities), activities };
}


const onOther = (url: string, bot: BotProcess) => `${bot.url}${new URL(url).pathname}`;
const contactsCsv = (tag: string, rows: number) =>
  ['Display Name,Contact Email', ...Array.from({ length: rows }, (_, i) => `${tag} Contact ${i + 1},${tag.toLowerCase()}.${i + 1}@example.com`)].join('\r\n');

/** "import contacts", the pasted file, and its preview: ready for the Import click. */
async function previewImport(bot: BotProcess, conversation: string, from: { id: string; name: string }, csv: string) {
  await turn(bot, conversation, from, { text: 'import contacts' });
  const preview = await turn(bot, conversation, from, { text: csv });
  expect(preview.text).toContain('Preview of');
  return { value: buttonData(preview.activities, /^Import$/) };
}

test('one conversation, its turns alternated between the two instances: the add-user dialog goes on to the end', async () => {
  const conversation = 'scale-add-user';
  const steps: Array<[BotProcess, string, string]> = [
    [one, 'add user', 'First name, last name and e-mail address of the new user?'],
    [two, 'Ada Scale ada.scale@example.com', 'Which licence(s)?'],
    [one, 'Webex Meetings', 'Summary — new user'],
    [two, 'help', 'Summary — new user'],
    [one, 'yes', '✅ User Ada Scale created'],
  ];
  for (const [bot, text, expected] of steps) expect((await turn(bot, conversation, ALICE, { text })).text).toContain(expected);
  expect([...emulator.org.people.values()].filter((p) => p.email === 'ada.scale@example.com').map((p) => p.displayName)).toEqual(['Ada Scale']);
  // No instance kept the conversation to itself: nothing under either DATA_DIR.
  for (const dir of dataDirs) expect(fs.readdirSync(dir).filter((name) => /^(state|files)$|^webex-/.test(name))).toEqual([]);
});

test('an import across instances: upload link made on one and used on the other, Import clicked on the first, error file downloaded from the second', async () => {
  const conversation = 'scale-import';
  const asked = await turn(one, conversation, ALICE, { text: 'import contacts' });
  const uploadUrl = linkUrl(asked.activities, /Upload a file/);
  expect(uploadUrl.startsWith(one.url)).toBe(true);
  const form = new FormData();
  form.append('file', new Blob(['Display Name,Phone Number 1,Phone Number 1 Type\r\nUploaded Across,01 23 45 67 99,work\r\n,01 23 45 67 98,work\r\n']), 'across.csv');
  expect((await fetch(onOther(uploadUrl, two), { method: 'POST', body: form })).status).toBe(200);
  const preview = pushed.find((a) => JSON.stringify(a).includes('Preview of across.csv'));
  expect(preview?.conversation.id).toBe(conversation);

  const result = await turn(one, conversation, ALICE, { value: buttonData([preview], /^Import$/) });
  expect(result.text).toContain('Import finished, with errors');
  const errorsUrl = linkUrl(result.activities, /Download the error file/);
  const download = await fetch(onOther(errorsUrl, two));
  expect(download.status).toBe(200);
  expect(await download.text()).toMatch(/Display Name[\s\S]*01 23 45 67 98/);
  // The upload link was used once, whichever instance is asked again.
  expect((await fetch(uploadUrl, { method: 'POST', body: form })).status).toBe(410);
});

test('two admins click Import at the same moment on the two instances: one import runs, the other is told who holds the lock', async () => {
  const alice = await previewImport(one, 'scale-lock-alice', ALICE, contactsCsv('Alfa', 3));
  const bob = await previewImport(two, 'scale-lock-bob', BOB, contactsCsv('Bravo', 3));
  // The import that gets the lock writes slowly (its first contacts request answers 2 s late): the other click meets a running import.
  emulator.faults.rules = [{ match: 'POST /contacts/organizations', status: 0, times: 1, delayMs: 2000 }];
  const [a, b] = await Promise.all([turn(one, 'scale-lock-alice', ALICE, alice), turn(two, 'scale-lock-bob', BOB, bob)]);
  emulator.faults.rules = [];
  const texts = [a.text, b.text];
  const ran = texts.filter((t) => t.includes('Import finished'));
  const refused = texts.filter((t) => t.includes('An import is already running, started by'));
  expect(ran).toHaveLength(1);
  expect(refused).toHaveLength(1);
  const winner = a.text.includes('Import finished') ? ALICE : BOB;
  expect(refused[0]).toContain(`started by ${winner.name} at`);
});

test('the instance holding the lock is killed (SIGKILL) mid-import: the lock stays until its TTL runs out, then the other instance imports', async () => {
  const alice = await previewImport(one, 'scale-crash-alice', ALICE, contactsCsv('Charlie', 3));
  emulator.faults.rules = [{ match: 'POST /contacts/organizations', status: 0, times: 1, delayMs: 3000 }];
  // Never answered: its instance dies on the way.
  const running = send(one.url, { locale: 'en-US', from: ALICE, serviceUrl: channelUrl, ...alice }, 'scale-crash-alice').catch(() => undefined);
  // Bob previews once; a refused import keeps his preview, and each try clicks the Import of the card that said so.
  let bobClick = await previewImport(two, 'scale-crash-bob', BOB, contactsCsv('Delta', 2));
  const bobTries = async () => {
    const answer = await turn(two, 'scale-crash-bob', BOB, bobClick);
    if (answer.text.includes('already running')) bobClick = { value: buttonData(answer.activities, /^Import$/) };
    return answer.text;
  };
  // Alice's import took the lock before its contacts request reached Webex (the fault rule is then used up).
  for (let waited = 0; emulator.faults.rules[0].times > 0 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await bobTries()).toContain('An import is already running, started by Alice Admin');
  one.child.kill('SIGKILL');
  const killedAt = Date.now();
  await running;
  // Right after the kill the lock is still there: nobody released it.
  expect(await bobTries()).toContain('started by Alice Admin');
  let outcome = '';
  while (Date.now() - killedAt < (LOCK_TTL_SECONDS + 8) * 1000) {
    outcome = await bobTries();
    if (!outcome.includes('already running')) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(outcome).toContain('Import finished');
  expect(Date.now() - killedAt).toBeGreaterThan(1000);
  emulator.faults.rules = [];
  // Alice's import is recorded as interrupted, as every instance sees it.
  const directory = await openWebexDirectory({ apiUrl: emulatorUrl, token: emulator.token, orgId: emulator.orgId, dataDir: tempDir(), blob: blobContainer({ connectionString: azurite.connectionString, container }) });
  const jobs = await directory.listImportJobs();
  await directory.close();
  expect(jobs.filter((j) => j.by === 'Alice Admin' && j.status === 'interrupted')).toHaveLength(1);
  expect(jobs[0]).toMatchObject({ by: 'Bob Admin', status: 'done' });
}, 60_000);

test('no log line of either instance holds the storage key', () => {
  const key = /AccountKey=([^;]+)/.exec(azurite.connectionString)![1];
  for (const bot of [one, two]) expect(bot.logs.some((line) => line.includes(key))).toBe(false);
  expect(two.logs.filter((line) => line.includes('"level":50'))).toEqual([]);
});
