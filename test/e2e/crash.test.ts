import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { startBot, send as sendTo, type BotProcess } from '../helpers/botProcess';
import { runCli } from '../helpers/cli';
import { buttonData, linkUrl } from '../helpers/dialogHarness';

/**
 * Crash safety of an import: the bot is killed (SIGKILL, no shutdown hook runs)
 * at several moments after the Import click, then restarted on the same data
 * directory. Whatever the moment, the files must be valid, the import fully
 * applied or absent (its job then "interrupted"), and a second import of the
 * same file must not create duplicates.
 */

const ROWS = 10_000;
const FILE_NAME = 'crash-contacts.csv';
const HEADER = 'Display Name,First Name,Last Name,Phone Number 1,Phone Number 1 Type,Contact Email,Company Name';
const emailOf = (i: number) => `crash.contact.${i}@example.com`;

const temps: string[] = [];
function mkTemp(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** ROWS distinct contacts: unique name, e-mail and phone number each. */
function contactsCsv(): Buffer {
  const lines = [HEADER];
  for (let i = 1; i <= ROWS; i++) {
    const phone = `0140${String(i).padStart(6, '0')}`;
    lines.push(`Crash Contact ${i},Crash,Contact${i},${phone},work,${emailOf(i)},Crashtest`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

let csvPath: string;
let csvBytes: Buffer;
let files: http.Server;
let filesUrl: string;
const live = new Set<BotProcess>();

beforeAll(async () => {
  csvBytes = contactsCsv();
  csvPath = path.join(mkTemp('provisio-crash-file-'), FILE_NAME);
  fs.writeFileSync(csvPath, csvBytes);
  // The "chat attachment" host: a loopback server that serves the file.
  files = http.createServer((req, res) => {
    const found = req.url === `/${FILE_NAME}`;
    res.statusCode = found ? 200 : 404;
    res.end(found ? csvBytes : '');
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});

afterEach(() => {
  // A failed case must not leave a bot behind.
  for (const bot of live) if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
  live.clear();
});

afterAll(async () => {
  await new Promise((resolve) => files.close(resolve));
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

async function launch(dataDir: string): Promise<BotProcess> {
  const bot = await startBot({ DATA_DIR: dataDir, DEFAULT_LOCALE: 'en' });
  live.add(bot);
  return bot;
}

const send = (url: string, activity: Record<string, unknown>, conversation: string) => sendTo(url, { locale: 'en-US', ...activity }, conversation);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const text = (activities: any[]) => JSON.stringify(activities);


const orgFile = (dataDir: string) => path.join(dataDir, 'org.json');
const journalFile = (dataDir: string) => path.join(dataDir, 'contacts.jsonl');

/** org.json must always parse: lowdb replaces it through a temp file and a rename. */
function readOrg(dataDir: string): any {
  const raw = fs.readFileSync(orgFile(dataDir), 'utf8');
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new Error(`org.json is not valid JSON (${(error as Error).message}); it starts with ${raw.slice(0, 200)}`);
  }
}

function readJournal(dataDir: string): string {
  try {
    return fs.readFileSync(journalFile(dataDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

/** Contacts as exported (Webex template CSV): the count and the distinct e-mails. */
function exportedContacts(csv: string): { count: number; emails: Set<string> } {
  const [header, ...rows] = parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
  const column = header.indexOf('Contact Email');
  expect(column).toBeGreaterThanOrEqual(0);
  return { count: rows.length, emails: new Set(rows.map((r) => r[column].toLowerCase())) };
}

type Outcome = 'absent' | 'applied';

/**
 * When to kill, counted from the Import click: after a delay, once the reply is
 * in, or as soon as the import's batch shows in contacts.jsonl (first bytes, or
 * its line complete: the window before org.json says "done").
 */
type Trigger = { delayMs: number } | 'reply' | 'journalStarts' | 'journalComplete';

interface CaseResult {
  label: string;
  /** Click to kill, and click to reply when the reply came before the kill. */
  killedAfterMs: number;
  repliedAfterMs?: number;
  outcome: Outcome;
  /** What the disk held when the process died, before the restart looked at it. */
  atKill: { job: string; journalLines: number; cutShortLine: boolean };
  /** The job after the restart ("none" when the kill came before the job was created). */
  job: string;
  secondImport: { created: number; unchanged: number };
}

const results: CaseResult[] = [];
/** Click → reply of an import that is let run (measured by the first case). */
let importMs = 0;

/** Resolves as soon as contacts.jsonl has bytes (or, with `complete`, ends with a newline); fs.watch, so no busy polling. */
function journalReached(dataDir: string, complete: boolean): { reached: Promise<void>; cancel: () => void } {
  const file = journalFile(dataDir);
  let watcher: fs.FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  const cancel = () => {
    watcher?.close();
    clearTimeout(timer);
  };
  const reached = new Promise<void>((resolve, reject) => {
    const test = () => {
      let size: number;
      try {
        size = fs.statSync(file).size;
      } catch {
        return; // not created yet
      }
      if (size === 0) return;
      if (complete) {
        const last = Buffer.alloc(1);
        const fd = fs.openSync(file, 'r');
        try {
          fs.readSync(fd, last, 0, 1, size - 1);
        } finally {
          fs.closeSync(fd);
        }
        if (last[0] !== 0x0a) return;
      }
      cancel();
      resolve();
    };
    watcher = fs.watch(dataDir, (_event, name) => {
      if (name === 'contacts.jsonl') test();
    });
    timer = setTimeout(() => {
      cancel();
      reject(new Error(`contacts.jsonl was not ${complete ? 'complete' : 'written'} within 20 s`));
    }, 20_000);
    test();
  });
  return { reached, cancel };
}

/**
 * One crash: preview, click Import without waiting, SIGKILL at the trigger,
 * restart, check, import again.
 */
async function crashCase(label: string, trigger: Trigger): Promise<CaseResult> {
  const dataDir = mkTemp('provisio-crash-');
  const conversation = `crash-${results.length}`;
  const bot = await launch(dataDir);
  const attachment = { contentType: 'text/csv', name: FILE_NAME, contentUrl: `${filesUrl}/${FILE_NAME}` };
  const preview = await send(bot.url, { attachments: [attachment] }, conversation);
  expect(text(preview.activities)).toContain(`Preview of ${FILE_NAME}`);
  expect(text(preview.activities)).toContain(`"title":"To create","value":"${ROWS}"`);
  const click = buttonData(preview.activities, /^Import$/);
  expect(click).toMatchObject({ action: 'importConfirm' });

  const exited = new Promise<void>((resolve) => bot.child.once('exit', () => resolve()));
  const journal = typeof trigger === 'string' && trigger.startsWith('journal') ? journalReached(dataDir, trigger === 'journalComplete') : undefined;
  const clickedAt = performance.now();
  let repliedAfterMs: number | undefined;
  let replyText = '';
  // Not awaited: the kill is what ends this request, most of the time.
  const reply = send(bot.url, { value: click }, conversation).then(
    (r) => {
      repliedAfterMs = performance.now() - clickedAt;
      replyText = text(r.activities);
    },
    () => undefined, // the connection died with the process
  );
  try {
    if (trigger === 'reply') await reply;
    else if (journal) await journal.reached;
    else await sleep((trigger as { delayMs: number }).delayMs);
  } finally {
    journal?.cancel();
    bot.child.kill('SIGKILL');
  }
  const killedAfterMs = performance.now() - clickedAt;
  await exited;
  await reply;
  live.delete(bot);
  if (repliedAfterMs !== undefined) expect(replyText).toMatch(new RegExp(`"title":"Created","value":"${ROWS}"`));

  // What the crash left on disk: org.json valid whatever the moment; at most the journal's last line cut short.
  const orgAtKill = readOrg(dataDir);
  const rawJournal = readJournal(dataDir);
  const cutShortLine = rawJournal.length > 0 && !rawJournal.endsWith('\n');
  const atKill = {
    job: orgAtKill.importJobs[0]?.status ?? 'none',
    journalLines: rawJournal.split('\n').filter(Boolean).length - (cutShortLine ? 1 : 0),
    cutShortLine,
  };
  expect(orgAtKill.importJobs.length).toBeLessThanOrEqual(1);

  // The restart: it must open the files as left and settle the job.
  const again = await launch(dataDir);
  const org = readOrg(dataDir);
  const journalText = readJournal(dataDir);
  expect(journalText === '' || journalText.endsWith('\n')).toBe(true);
  const batches = journalText.split('\n').filter(Boolean).map((line, i) => {
    try {
      return JSON.parse(line);
    } catch (error) {
      throw new Error(`contacts.jsonl line ${i + 1} is not valid JSON after the restart: ${(error as Error).message}`);
    }
  });

  // The state as the bot shows it: its export (through its download link) and its import history.
  const check = `${conversation}-check`;
  const exportReply = await send(again.url, { value: { action: 'contacts', do: 'export' } }, check);
  const announced = Number(/Export of (\d+) contacts ready/.exec(text(exportReply.activities))?.[1]);
  const download = await fetch(linkUrl(exportReply.activities, /^Download$/));
  expect(download.status).toBe(200);
  const exported = exportedContacts(await download.text());
  expect(exported.count).toBe(announced);
  const history = text((await send(again.url, { value: { action: 'contacts', do: 'history' } }, check)).activities);

  const jobs: any[] = org.importJobs;
  const contactAudits = org.audit.filter((e: any) => e.action === 'contacts.apply');
  expect(jobs.every((j) => j.status !== 'running')).toBe(true);
  let outcome: Outcome;
  if (exported.count === 0) {
    outcome = 'absent';
    // Never started (killed before the job was written) or interrupted: either way nothing of it anywhere.
    expect(jobs.length).toBeLessThanOrEqual(1);
    if (jobs.length) {
      expect(jobs[0]).toMatchObject({ status: 'interrupted', fileName: FILE_NAME });
      expect(jobs[0].endedAt).toEqual(expect.any(String));
      expect(history).toContain(`${FILE_NAME} by Julien Rouchon: interrupted (nothing imported)`);
    }
    expect(batches.filter((b) => b.job)).toEqual([]);
    expect(contactAudits).toEqual([]);
  } else {
    // Never partial: all the rows or none.
    expect(exported.count).toBe(ROWS);
    outcome = 'applied';
    expect(exported.emails.size).toBe(ROWS);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ status: 'done', counts: { created: ROWS, updated: 0, unchanged: 0, failed: 0 } });
    expect(history).toContain(`${FILE_NAME} by Julien Rouchon: done (${ROWS} created, 0 updated, 0 unchanged, 0 errors)`);
    // Its audit entry too, once, whether org.json had it or the journal's batch brought it back.
    expect(contactAudits).toHaveLength(1);
    expect(contactAudits[0].after).toEqual({ created: ROWS, updated: 0, deleted: 0 });
  }
  expect(await again.stop()).toBe(0);
  live.delete(again);

  // The same file again: no duplicates, the contacts counted as unchanged when they were there.
  const second = runCli(dataDir, ['contacts', 'import', csvPath, '--json']);
  expect({ code: second.code, stderr: second.stderr }).toEqual({ code: 0, stderr: '' });
  const expected = outcome === 'applied' ? { created: 0, unchanged: ROWS } : { created: ROWS, unchanged: 0 };
  expect(second.json).toMatchObject({ ...expected, updated: 0, failed: 0 });
  // To a file: the export of ROWS contacts is over spawnSync's 1 MB stdout buffer.
  const out = path.join(dataDir, 'export.csv');
  const final = runCli(dataDir, ['contacts', 'export', '--out', out, '--json']);
  expect(final.json).toMatchObject({ contacts: ROWS });
  const after = exportedContacts(fs.readFileSync(out, 'utf8'));
  expect(after.count).toBe(ROWS);
  expect(after.emails).toEqual(new Set(Array.from({ length: ROWS }, (_, i) => emailOf(i + 1))));
  const finalJobs: any[] = readOrg(dataDir).importJobs;
  expect(finalJobs.at(-1)).toMatchObject({ status: 'done', counts: { ...expected, updated: 0, failed: 0 } });

  const job = jobs[0] ? jobs[0].status : 'none';
  const result: CaseResult = { label, killedAfterMs, repliedAfterMs, outcome, atKill, job, secondImport: expected };
  results.push(result);
  return result;
}

const round = (ms: number) => Math.round(ms);

describe('SIGKILL in the middle of an import, then a restart', () => {
  test('killed once the import has answered: applied, job done (also measures the import time)', async () => {
    const result = await crashCase('after the reply', 'reply');
    expect(result.outcome).toBe('applied');
    expect(result.job).toBe('done');
    importMs = result.repliedAfterMs!;
  }, 60_000);

  // Fixed early moments (before the job exists, then while the file is read), moments spread over the
  // measured import time, and the two moments the journal's batch decides: while it is written, and once
  // it is complete but org.json not yet rewritten (the restart must then complete the job from the journal).
  const moments: [string, (measured: number) => Trigger][] = [
    ['0 ms after the click', () => ({ delayMs: 0 })],
    ['30 ms after the click', () => ({ delayMs: 30 })],
    ['30% of the import time', (t) => ({ delayMs: round(0.3 * t) })],
    ['60% of the import time', (t) => ({ delayMs: round(0.6 * t) })],
    ['90% of the import time', (t) => ({ delayMs: round(0.9 * t) })],
    ['the first bytes of the batch in contacts.jsonl', () => 'journalStarts'],
    ['the batch line complete in contacts.jsonl', () => 'journalComplete'],
  ];
  test.each(moments)('killed at %s: applied or absent, never partial; no duplicate on a second import', async (label, at) => {
    expect(importMs).toBeGreaterThan(0);
    await crashCase(label, at(importMs));
  }, 60_000);

  test('over all the moments, both outcomes happened', () => {
    const table = results.map((r) => ({
      moment: r.label,
      killedAfterMs: round(r.killedAfterMs),
      repliedAfterMs: r.repliedAfterMs === undefined ? '-' : round(r.repliedAfterMs),
      outcome: r.outcome,
      jobAtKill: r.atKill.job,
      journalLinesAtKill: r.atKill.journalLines,
      cutShortLine: r.atKill.cutShortLine,
      jobAfterRestart: r.job,
      secondImport: `created ${r.secondImport.created}, unchanged ${r.secondImport.unchanged}`,
    }));
    // eslint-disable-next-line no-console
    console.log(`crash cases (${ROWS} rows, import ≈ ${round(importMs)} ms):\n${table.map((row) => JSON.stringify(row)).join('\n')}`);
    expect(results).toHaveLength(moments.length + 1);
    expect(results.some((r) => r.outcome === 'absent' && r.job === 'interrupted')).toBe(true);
    expect(results.some((r) => r.outcome === 'applied')).toBe(true);
  });
});
