'use strict';
/**
 * .xlsx bombs (#27): how long the built bot takes to refuse each one, and what
 * a "help" turn in another conversation costs meanwhile, as a ratio to a help
 * turn on an idle bot (goal: refused within a second, help at most 2x). Each
 * bomb goes through an upload link, alone, then all at once; the legitimate
 * big workbook (10,000 rows, 4.9 MB) too, for comparison. Then the reading
 * alone (readXlsx), in a process of its own per file: time and peak RSS.
 * Writes bench/results/xlsx-bombs-<time>.json and prints it.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { BOMBS, bigWorkbook } = require('../test/helpers/xlsxBombs.js');

const ROOT = path.join(__dirname, '..');
const GOALS = { maxRefusalMs: 1000, maxHelpRatio: 2 };
const HELP_TURNS = 20;
const FILES = { ...BOMBS, 'big-10000-rows.xlsx': () => bigWorkbook() };

/** The built bot on a free port, and a connector service that records what it pushes. */
async function startBot(dataDir) {
  const pushed = [];
  const channel = http.createServer((req, res) => {
    req.resume().on('end', () => {
      pushed.push(Date.now());
      res.setHeader('content-type', 'application/json');
      res.end('{"id":"pushed"}');
    });
  });
  await new Promise((resolve) => channel.listen(0, '127.0.0.1', resolve));
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/index.js')], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', DATA_DIR: dataDir, DEFAULT_LOCALE: 'en' },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    void exited.then((code) => reject(new Error(`the bot exited with ${code}`)));
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        const entry = JSON.parse(line);
        if (entry.msg === 'listening') resolve(`http://127.0.0.1:${entry.port}`);
      } catch {
        // not a JSON log line
      }
    });
  });
  const serviceUrl = `http://127.0.0.1:${channel.address().port}/`;
  return { url, serviceUrl, stop: async () => (child.kill('SIGTERM'), await exited, channel.close()) };
}

let activityId = 0;
async function turn(bot, text, conversation) {
  const body = {
    type: 'message',
    id: `bench-${++activityId}`,
    channelId: 'msteams',
    serviceUrl: bot.serviceUrl,
    deliveryMode: 'expectReplies',
    conversation: { id: conversation },
    from: { id: 'bench', name: 'Bench' },
    recipient: { id: 'bot', name: 'Provisio' },
    locale: 'en-US',
    text,
  };
  const started = performance.now();
  const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const replies = await response.text();
  return { ms: performance.now() - started, replies };
}

/** Posts `bytes` to a fresh upload link of `conversation`: resolves with how long the bot took once the body was sent. */
async function upload(bot, conversation, name, bytes) {
  const { replies } = await turn(bot, 'import contacts', conversation);
  const url = /"url":"([^"]*\/upload\/[^"]*)"/.exec(replies)[1];
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const request = new Request(url, { method: 'POST', body: form });
  const body = Buffer.from(await request.arrayBuffer());
  const req = http.request(url, { method: 'POST', headers: { 'content-type': request.headers.get('content-type'), 'content-length': body.length } });
  let sentAt;
  const sent = new Promise((resolve) => req.end(body, () => resolve((sentAt = performance.now()))));
  const done = new Promise((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => res.resume().on('end', () => resolve({ status: res.statusCode, ms: round(performance.now() - sentAt) })));
  });
  return { sent, done };
}

const round = (ms) => Math.round(ms);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A help turn on the idle bot: the median of a few, after a warm-up. */
async function idleHelp(bot) {
  for (let i = 0; i < 3; i++) await turn(bot, 'help', 'bystander');
  const times = [];
  for (let i = 0; i < HELP_TURNS; i++) times.push((await turn(bot, 'help', 'bystander')).ms);
  return median(times);
}

/** The files posted at once; a help turn in another conversation as soon as they are all sent. */
async function during(bot, names, helpMs) {
  const uploads = await Promise.all(names.map((name) => upload(bot, `bench ${name} ${activityId}`, name, FILES[name]())));
  await Promise.all(uploads.map((u) => u.sent));
  const help = await turn(bot, 'help', 'bystander');
  const done = await Promise.all(uploads.map((u) => u.done));
  return {
    status: done.map((d) => d.status),
    handledMs: done.map((d) => d.ms),
    helpMs: round(help.ms),
    helpRatio: Number((help.ms / helpMs).toFixed(2)),
  };
}

/** readXlsx of the build alone, in a process of its own: its time and the process's peak RSS. */
function readAlone(name) {
  const file = path.join(os.tmpdir(), `provisio-bench-${process.pid}-${name}`);
  fs.writeFileSync(file, FILES[name]());
  const script = `
    const { readXlsx } = require(${JSON.stringify(path.join(ROOT, 'dist/src/csv/xlsx.js'))});
    const bytes = require('node:fs').readFileSync(${JSON.stringify(file)});
    const started = performance.now();
    readXlsx(bytes, { maxRows: 10000, maxBytes: 5 * 1024 * 1024 }).then((r) => ({ rows: r.length }), (e) => ({ refused: e.code })).then((out) =>
      process.stdout.write(JSON.stringify({ ms: Math.round(performance.now() - started), peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), ...out })));`;
  try {
    return { bytes: fs.statSync(file).size, ...JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

async function measureXlsxBombs() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-bench-bombs-'));
  const bot = await startBot(dataDir);
  try {
    const helpMs = await idleHelp(bot);
    const alone = {};
    for (const name of Object.keys(FILES)) alone[name] = await during(bot, [name], helpMs);
    const bombs = Object.keys(BOMBS);
    const atOnce = await during(bot, bombs, helpMs);
    const reading = Object.fromEntries(Object.keys(FILES).map((name) => [name, readAlone(name)]));
    const refusals = bombs.flatMap((name) => alone[name].handledMs).concat(atOnce.handledMs);
    const ratios = [...bombs.map((name) => alone[name].helpRatio), atOnce.helpRatio];
    return {
      goals: GOALS,
      idleHelpMs: round(helpMs),
      overHttp: { alone, allBombsAtOnce: atOnce },
      reading,
      goalsMet: { refusalMs: Math.max(...refusals) <= GOALS.maxRefusalMs, helpRatio: Math.max(...ratios) <= GOALS.maxHelpRatio },
    };
  } finally {
    await bot.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(dir = path.join(__dirname, 'results')) {
  const date = new Date().toISOString();
  const summary = { date, node: process.version, ...(await measureXlsxBombs()) };
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `xlsx-bombs-${date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\nWritten to ${path.relative(process.cwd(), file)}\n`);
  return summary;
}

module.exports = { measureXlsxBombs, main };

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exitCode = 1;
  });
}
