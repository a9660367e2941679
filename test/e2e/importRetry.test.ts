import fs from 'node:fs';
import path from 'node:path';
import { startBot, send, type BotProcess } from '../helpers/botProcess';
import { buttonData, tempDir, visibleText } from '../helpers/dialogHarness';
import { startEmulator, stopAll } from '../helpers/webexEmulator';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HEADER = 'Display Name,Contact Email';
const csvOf = (prefix: string, rows: number) => [HEADER, ...Array.from({ length: rows }, (_, i) => `${prefix} ${i + 1},${prefix.toLowerCase()}.${i + 1}@acme.example`)].join('\n');

/** Polls a JSON file until `test` holds (lowdb and the Webex store replace their files whole: a read never sees half). */
async function until(file: string, test: (data: any) => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (test(JSON.parse(fs.readFileSync(file, 'utf8')))) return;
    } catch {
      // not written yet
    }
    if (Date.now() > end) throw new Error(`${path.basename(file)} never reached the expected state`);
    await sleep(2);
  }
}

describe('a preview outlives an import it could not run, over the real server', () => {
  afterAll(stopAll);

  test('refused because another import runs, the preview is kept: Import again, once it has ended, imports it', async () => {
    const webex = await startEmulator();
    const dataDir = tempDir();
    const bot = await startBot({ DATA_DIR: dataDir, DIRECTORY_BACKEND: 'webex', WEBEX_API_URL: webex.url, WEBEX_ACCESS_TOKEN: webex.emulator.token, WEBEX_ORG_ID: webex.emulator.orgId });
    try {
      const say = async (conversation: string, activity: Record<string, unknown>) =>
        (await send(bot.url, { from: { id: 'admin-1', name: `Admin ${conversation}` }, locale: 'en-US', ...activity }, conversation)).activities;
      await say('a', { text: 'import contacts' });
      const importA = buttonData(await say('a', { text: csvOf('Alpha', 1) }), /^Import$/);
      await say('b', { text: 'import contacts' });
      const importB = buttonData(await say('b', { text: csvOf('Bravo', 1) }), /^Import$/);

      // B's import holds the org's import lock while Webex is slow to take its contacts.
      webex.emulator.faults.rules = [{ match: 'POST /contacts', status: 0, times: 1, delayMs: 3000 }];
      const running = say('b', { value: importB });
      const store = fs.readdirSync(dataDir).find((name) => name.startsWith('webex-'))!;
      await until(path.join(dataDir, store), (data) => data.importJobs.some((job: { status: string }) => job.status === 'running'));

      const refused = await say('a', { value: importA });
      expect(visibleText(refused)).toMatch(/^Importing 1 row…\nAn import is already running, started by Admin b at .+\. Your preview is kept: click Import again once it has ended\.\nImport\nCancel$/);
      expect(visibleText(await running)).toMatch(/Created\n1/);

      const again = await say('a', { value: buttonData(refused, /^Import$/) });
      expect(visibleText(again)).toMatch(/Created\n1/);
      const names = [...webex.emulator.org.contacts.values()].map((c) => String(c.displayName)).sort();
      expect(names).toEqual(['Alpha 1', 'Bravo 1']);
    } finally {
      await bot.stop();
    }
  }, 60_000);

  test('interrupted by a crash, the old Import button says so and offers to run it again, which imports every row once', async () => {
    const rows = 10_000;
    // The kill must land after the job is written and before its contacts are: tried again if it came too late.
    for (let attempt = 1; ; attempt++) {
      const dataDir = tempDir();
      const orgFile = path.join(dataDir, 'org.json');
      const who = { from: { id: 'admin-1', name: 'Alice' }, locale: 'en-US' };
      let bot: BotProcess = await startBot({ DATA_DIR: dataDir });
      await send(bot.url, { ...who, text: 'import contacts' }, 'c');
      const click = buttonData((await send(bot.url, { ...who, text: csvOf('Crash', rows) }, 'c')).activities, /^Import$/);
      const exited = new Promise((resolve) => bot.child.once('exit', resolve));
      void send(bot.url, { ...who, value: click }, 'c').catch(() => undefined);
      await until(orgFile, (org) => org.importJobs.some((job: { status: string }) => job.status === 'running'));
      bot.child.kill('SIGKILL');
      await exited;

      bot = await startBot({ DATA_DIR: dataDir });
      try {
        const job = JSON.parse(fs.readFileSync(orgFile, 'utf8')).importJobs[0];
        if (job.status === 'done' && attempt < 3) continue;
        expect(job).toMatchObject({ status: 'interrupted', importId: click.importId });
        const told = (await send(bot.url, { ...who, value: click }, 'c')).activities;
        expect(visibleText(told)).toMatch(/^The import of contacts\.csv started at .+ was interrupted before it finished \(the service restarted\)\. Running it again is safe/);
        const rerun = visibleText((await send(bot.url, { ...who, value: buttonData(told, /^Import$/) }, 'c')).activities);
        expect(rerun).toMatch(new RegExp(`Created\\n${rows.toLocaleString('en')}|Created\\n${rows}`));
        const again = visibleText((await send(bot.url, { ...who, value: click }, 'c')).activities);
        expect(again).toContain('already been imported');
        return;
      } finally {
        await bot.stop();
      }
    }
  }, 120_000);
});
