/**
 * Browser end-to-end test (`npm run test:browser`, not part of `npm test`): headless
 * Chromium (Debian `chromium`, driven by playwright-core) uses the Microsoft 365
 * Agents Playground (channel msteams) against the real built bot, as an admin would:
 *   help → menu card → Add a user → typed name and e-mail → licence, location,
 *   number and extension by card buttons → summary → Confirm → created card;
 *   menu card → Import contacts → Upload a file (the link opens the upload page in a
 *   new tab) → the filled Webex template → the preview comes by itself → Import →
 *   result card.
 * It asserts on what the page shows, and saves a screenshot of each card to
 * test-output/browser/ (git-ignored). With UPDATE_SCREENSHOTS=1 it also writes the
 * menu and import result cards to docs/screenshots/ (the README's pictures).
 *
 * Environment: CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { startBot, type BotProcess } from '../helpers/botProcess';
import { PLAYGROUND_LISTENING, playgroundCommand } from '../../scripts/dev';

const ROOT = path.join(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const FIXTURE = path.join(ROOT, '..', 'shared', 'fixtures', 'csv', 'webex-contacts-template-filled.csv');
const OUTPUT = path.join(ROOT, 'test-output', 'browser');
const DOCS = path.join(ROOT, 'docs', 'screenshots');
/** How long one answer of the bot may take to show in the page. */
const STEP_TIMEOUT_MS = 30_000;

let dataDir: string;
let bot: BotProcess | undefined;
let playground: ChildProcess | undefined;
let playgroundOutput = '';
let browser: Browser | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the Agents Playground the way `npm run dev` does, and resolves with its UI address. */
function startPlayground(endpoint: string, port: number): Promise<string> {
  const spec = playgroundCommand({
    endpoint,
    port,
    env: { ...process.env, M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dataDir, 'playground.log') },
  });
  const child = spawn(spec.command, spec.args, { cwd: ROOT, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'] });
  playground = child;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Playground did not start:\n${playgroundOutput}`)), 60_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the Playground exited (${signal ?? code}):\n${playgroundOutput}`));
    });
    for (const stream of [child.stdout!, child.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        playgroundOutput += `${line}\n`;
        const match = PLAYGROUND_LISTENING.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(`http://localhost:${match[1]}`);
        }
      });
    }
  });
}

async function stopPlayground(): Promise<void> {
  const child = playground;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  fs.mkdirSync(OUTPUT, { recursive: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-browser-'));
  // The Playground sends every message as en-US; its conversationUpdate has no locale:
  // DEFAULT_LOCALE=en keeps the whole conversation in English.
  bot = await startBot({ DATA_DIR: dataDir, DEFAULT_LOCALE: 'en' });
});

afterAll(async () => {
  await browser?.close();
  await stopPlayground();
  await bot?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Collapses the card's text (facts render as label and value cells) to one line. */
const flat = async (card: Locator) => (await card.innerText()).replace(/\s+/g, ' ').trim();

describe('the Agents Playground in Chromium, against the real bot', () => {
  test('menu → add a user with a number and an extension → import contacts through the upload link', async () => {
    const uiUrl = await startPlayground(`${bot!.url}/api/messages`, await freePort());
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const context: BrowserContext = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'en-US' });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);

    const cards = page.locator('.ac-adaptiveCard');
    const chatBox = page.locator('[contenteditable="true"][role="textbox"]');
    let shots = 0;
    const screenshot = async (card: Locator, name: string, docsName?: string) => {
      await card.scrollIntoViewIfNeeded();
      await page.mouse.move(0, 0); // no hover highlight left on the button just clicked
      const file = path.join(OUTPUT, `${String(++shots).padStart(2, '0')}-${name}.png`);
      await card.screenshot({ path: file });
      if (docsName && process.env.UPDATE_SCREENSHOTS === '1') {
        fs.mkdirSync(DOCS, { recursive: true });
        fs.copyFileSync(file, path.join(DOCS, docsName));
      }
    };
    /** Does `act`, then waits for a new card showing `text` (the bot's answer) and returns it. */
    const answer = async (text: string | RegExp, act: () => Promise<unknown>): Promise<Locator> => {
      const matching = cards.filter({ hasText: text });
      const before = await matching.count();
      await act();
      const card = matching.nth(before);
      await card.waitFor();
      return card;
    };
    const type = async (text: string) => {
      await chatBox.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };

    try {
      await page.goto(uiUrl, { waitUntil: 'domcontentloaded' });
      // The welcome card comes first (conversationUpdate); it shows the menu too.
      await cards.filter({ hasText: 'Welcome to Provisio' }).first().waitFor();
      await chatBox.waitFor();

      // The menu card, asked for by typing.
      const menu = await answer('What would you like to do?', () => type('help'));
      for (const action of ['Add a user', 'Import contacts', 'Contacts', 'Help']) {
        await expect(menu.getByRole('button', { name: action, exact: true }).isVisible()).resolves.toBe(true);
      }
      await screenshot(menu, 'menu', 'menu.png');

      // Add a user: click the menu, type the name and e-mail, then click the cards.
      await menu.getByRole('button', { name: 'Add a user', exact: true }).click();
      await page.getByText('First name, last name and e-mail address of the new user?').last().waitFor();
      const licences = await answer('Which licence(s)?', () => type('Alice Martin a.martin@sandbox.example'));
      await screenshot(licences, 'licences');

      const locations = await answer('Which location?', () => licences.getByRole('button', { name: /^Webex Suite — \d+ left$/ }).click());
      await screenshot(locations, 'locations');

      const numbers = await answer(/Number for Siège — Paris \(\d+ free\)/, () =>
        locations.getByRole('button', { name: 'Siège — Paris', exact: true }).click(),
      );
      await screenshot(numbers, 'numbers');
      const offered = (await numbers.getByRole('button').allInnerTexts()).map((t) => t.trim()).filter((t) => /^\+\d[\d ]+$/.test(t));
      expect(offered.length).toBeGreaterThan(2);
      const chosenNumber = offered[1]; // not the first one, to be sure the click is what counts
      const suggested = chosenNumber.replace(/\D/g, '').slice(-4);

      const extensions = await answer(`Extension? I suggest ${suggested}`, () =>
        numbers.getByRole('button', { name: chosenNumber, exact: true }).click(),
      );
      await screenshot(extensions, 'extension');

      const summary = await answer('Summary — new user', () => extensions.getByRole('button', { name: suggested, exact: true }).click());
      await screenshot(summary, 'summary');
      expect(await flat(summary)).toContain(
        `Name Alice Martin E-mail a.martin@sandbox.example Licences Webex Suite Location Siège — Paris Number ${chosenNumber} Extension ${suggested}`,
      );

      const created = await answer('User Alice Martin created', () => summary.getByRole('button', { name: 'Confirm', exact: true }).click());
      await screenshot(created, 'user-created');
      const createdText = await flat(created);
      expect(createdText).toContain(`Location Siège — Paris Number ${chosenNumber} Extension ${suggested}`);
      expect(createdText).toContain('Invitation sent to a.martin@sandbox.example.');

      // Import contacts: from the menu card, through the upload link page.
      const askFile = await answer('Send me the contacts file', () =>
        menu.getByRole('button', { name: 'Import contacts', exact: true }).click(),
      );
      await screenshot(askFile, 'import-ask-file');
      const [uploadPage] = await Promise.all([
        context.waitForEvent('page'),
        askFile.getByRole('link', { name: 'Upload a file', exact: true }).click(),
      ]);
      await uploadPage.waitForLoadState('domcontentloaded');
      expect(uploadPage.url().startsWith(`${bot!.url}/upload/`)).toBe(true);
      await uploadPage.getByRole('heading', { name: 'Send your file to Provisio' }).waitFor();
      await uploadPage.getByLabel('File').setInputFiles(FIXTURE);
      // The preview comes in the chat by itself (a proactive message) once the page has the file.
      const preview = await answer('Preview of webex-contacts-template-filled.csv', async () => {
        await uploadPage.getByRole('button', { name: 'Send', exact: true }).click();
        await uploadPage.getByRole('heading', { name: 'File received' }).waitFor();
        await uploadPage.screenshot({ path: path.join(OUTPUT, `${String(++shots).padStart(2, '0')}-upload-page-received.png`) });
        await uploadPage.close();
      });
      await screenshot(preview, 'import-preview');
      expect(await flat(preview)).toContain('Rows 8 To create 8 To update 0 Unchanged 0 Rejected (errors) 0');

      const result = await answer('Import finished', () => preview.getByRole('button', { name: 'Import', exact: true }).click());
      await screenshot(result, 'import-result', 'import-result.png');
      const resultText = await flat(result);
      expect(resultText).toMatch(/^Import finished Created 8 Updated 0 Unchanged 0 Errors 0 /);
      expect(resultText).not.toContain('with errors');
    } catch (error) {
      await page.screenshot({ path: path.join(OUTPUT, 'failure.png') }).catch(() => undefined);
      throw error;
    }

    // No turn failed on the way, not even the proactive one.
    expect(bot!.logs.filter((line) => line.includes('"level":50'))).toEqual([]);
  });
});
