#!/usr/bin/env node
'use strict';
/**
 * Manual check of `npm run dev` in a real browser (NOT part of npm test).
 *
 * Needs, once per machine, Chromium (playwright-core is a devDependency):
 *   apt-get update && apt-get install -y chromium   # /usr/bin/chromium
 *
 * Usage:
 *   npm run build && node scripts/check-playground.js [options]
 *     --out FILE         screenshot of the menu card (default /tmp/playground-menu.png)
 *     --click-out FILE   screenshot after the card click (default /tmp/playground-click.png)
 *     --text TEXT        what to type in the chat box (default "aide")
 *     --chromium PATH    browser executable (default /usr/bin/chromium)
 *     --keep-data        keep the temporary DATA_DIR and print its path
 *
 * What it does: starts `node scripts/dev.js` (bot + Agents Playground) on a
 * free bot port with a fresh temporary DATA_DIR and the Playground's events
 * recording on; opens the Playground UI in headless Chromium; types TEXT in
 * the chat box and sends it; waits for the bot's menu card and takes a
 * screenshot; clicks the first button of that card; then prints every
 * activity the Playground sent to the bot (type, channelId, locale, from.id,
 * conversation.id, text, value) and every reply, and checks that:
 *   - the typed text reached the bot as a message and a menu card came back;
 *   - the card click reached the bot as a message with activity.value.action.
 * Exits non-zero when a check fails. Stops everything it started.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// A menu card is recognised by its help button, in either language.
const MENU_BUTTON = 'button[title="Aide"], button[title="Help"]';
const CHAT_BOX = '[contenteditable="true"][role="textbox"]';

function parseArgs(argv) {
  const options = {
    out: '/tmp/playground-menu.png',
    clickOut: '/tmp/playground-click.png',
    text: 'aide',
    chromium: '/usr/bin/chromium',
    keepData: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--out') options.out = next();
    else if (arg === '--click-out') options.clickOut = next();
    else if (arg === '--text') options.text = next();
    else if (arg === '--chromium') options.chromium = next();
    else if (arg === '--keep-data') options.keepData = true;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(fs.readFileSync(__filename, 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  return options;
}

function loadPlaywright() {
  try {
    return require('playwright-core');
  } catch {
    console.error('playwright-core is missing: run `npm ci` (and `apt-get install -y chromium`).');
    process.exit(2);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what, predicate, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await predicate();
    if (value) return value;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The Playground's recording: JSON records separated by lines of `---`. */
function readRecording(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split(/^---$/m)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .flatMap((chunk) => {
      try {
        return [JSON.parse(chunk)];
      } catch {
        return []; // a record still being written
      }
    });
}

const toBot = (record) => /-> User Application/.test(record.direction);

function describe(record) {
  const a = record.request?.body ?? {};
  const cards = (a.attachments ?? []).map((x) => x.contentType).join(',');
  return {
    direction: toBot(record) ? 'playground -> bot' : 'bot -> playground',
    type: a.type,
    name: a.name,
    channelId: a.channelId,
    locale: a.locale,
    fromId: a.from?.id,
    fromAadObjectId: a.from?.aadObjectId,
    conversationId: a.conversation?.id,
    conversationType: a.conversation?.conversationType,
    text: a.text,
    value: a.value,
    attachments: cards || undefined,
    httpStatus: record.response?.statusCode,
  };
}

function startDev(env) {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'dev.js')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    if (process.env.CHECK_VERBOSE) process.stderr.write(chunk);
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);
  return { child, output: () => output };
}

async function stopDev(dev) {
  if (dev.child.exitCode !== null || dev.child.signalCode !== null) return;
  const closed = new Promise((resolve) => dev.child.once('close', resolve));
  dev.child.kill('SIGTERM');
  await Promise.race([closed, sleep(20_000)]);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { chromium } = loadPlaywright();
  if (!fs.existsSync(options.chromium)) throw new Error(`${options.chromium} not found: apt-get install -y chromium`);
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'index.js'))) throw new Error('dist/ is missing: run npm run build first');

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-check-'));
  const recording = path.join(dataDir, 'playground-recording.log');
  const port = await freePort();
  const dev = startDev({
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    M365_AGENTS_PLAYGROUND_ENABLE_EVENTS_RECORDING: 'true',
    M365_AGENTS_PLAYGROUND_RECORDING_FILE: recording,
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dataDir, 'playground.log'),
  });

  const failures = [];
  const check = (ok, label) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
    if (!ok) failures.push(label);
  };
  let browser;
  try {
    const chatUrl = await waitFor(
      'npm run dev to print the chat URL',
      () => {
        if (dev.child.exitCode !== null) throw new Error(`scripts/dev.js exited early:\n${dev.output()}`);
        return /Chat with the bot:\s+\S*(http:\/\/localhost:\d+)/.exec(dev.output().replace(/\u001b\[[0-9;]*m/g, ''))?.[1];
      },
      90_000,
    );
    console.log(`dev is up: chat ${chatUrl}, bot http://127.0.0.1:${port}/healthz, DATA_DIR ${dataDir}`);

    browser = await chromium.launch({ executablePath: options.chromium, headless: true, args: CHROMIUM_FLAGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(chatUrl, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector(CHAT_BOX, { timeout: 30_000 });
    // Let the welcome (sent on conversationUpdate) arrive before counting menus.
    await page.waitForTimeout(3000);
    const menusBefore = await page.locator(MENU_BUTTON).count();
    const sentBefore = readRecording(recording).length;

    await page.click(CHAT_BOX);
    await page.keyboard.type(options.text);
    await page.keyboard.press('Enter');
    await waitFor('the menu card answering the typed text', async () => (await page.locator(MENU_BUTTON).count()) > menusBefore);
    await page.waitForTimeout(1000); // let the card finish rendering
    await page.screenshot({ path: options.out });
    console.log(`screenshot of the menu card: ${options.out}`);

    // Click the first button of the newest menu card.
    const card = page.locator('.ac-adaptiveCard', { has: page.locator(MENU_BUTTON) }).last();
    const firstButton = card.locator('button').first();
    const clicked = await firstButton.getAttribute('title');
    const repliesBefore = readRecording(recording).filter((r) => !toBot(r)).length;
    await firstButton.click();
    await waitFor('a reply to the card click', () => readRecording(recording).filter((r) => !toBot(r)).length > repliesBefore);
    await page.waitForTimeout(1000);
    await page.screenshot({ path: options.clickOut });
    console.log(`clicked "${clicked}"; screenshot after the click: ${options.clickOut}`);

    const records = readRecording(recording);
    console.log('\nActivities recorded by the Playground:');
    for (const record of records) console.log(JSON.stringify(describe(record)));

    const afterText = records.slice(sentBefore).map(describe);
    const typed = afterText.find((a) => a.direction === 'playground -> bot' && a.type === 'message' && a.text);
    check(Boolean(typed), `the typed "${options.text}" reached the bot as a message`);
    if (typed) {
      console.log(
        `     channelId=${typed.channelId} locale=${typed.locale ?? '(none)'} from.id=${typed.fromId} conversation.id=${typed.conversationId}`,
      );
    }
    check(
      afterText.some((a) => a.direction === 'bot -> playground' && /adaptive/.test(a.attachments ?? '')),
      'the bot answered with an Adaptive Card',
    );
    const submit = afterText.find((a) => a.direction === 'playground -> bot' && a.value && typeof a.value === 'object');
    check(Boolean(submit), 'the card click reached the bot with activity.value');
    if (submit) {
      console.log(`     type=${submit.type}${submit.name ? ` name=${submit.name}` : ''} text=${submit.text === undefined ? '(none)' : JSON.stringify(submit.text)} value=${JSON.stringify(submit.value)}`);
      check(typeof submit.value.action === 'string', 'activity.value carries the card action');
    }
    const reply = records.filter((r) => !toBot(r)).pop();
    if (reply) console.log(`last reply: ${JSON.stringify(reply.request?.body?.text ?? describe(reply).attachments)}`);
  } finally {
    if (browser) await browser.close();
    await stopDev(dev);
    if (options.keepData) console.log(`data kept in ${dataDir}`);
    else fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(failures.length ? `\n${failures.length} check(s) failed` : '\nall checks passed');
  process.exit(failures.length ? 1 : 0);
}

main().catch((error) => {
  console.error(`check-playground: ${error.message}`);
  process.exit(1);
});
