import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/dialogHarness';

const MAIN = path.join(__dirname, '../../../dist/tools/webex-emulator/main.js');
const BOT_TOKEN = 'bot-token-for-the-cli-test';
const SECRET = 'cli-webhook-secret-42';

let child: ChildProcess;
let api: string;
let dataDir: string;

beforeAll(async () => {
  // Its own process: the CLI runs synchronously, and must reach the emulator meanwhile.
  child = spawn(process.execPath, [MAIN, '--port', '0', '--bot-token', BOT_TOKEN], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => readline.createInterface({ input: child.stdout! }).once('line', resolve));
  api = (JSON.parse(line) as { url: string }).url;
  dataDir = tempDir();
});
afterAll(() => child.kill('SIGTERM'));

const env = (extra: Record<string, string> = {}) => ({ WEBEX_API_URL: api, WEBEX_BOT_TOKEN: BOT_TOKEN, WEBEX_WEBHOOK_SECRET: SECRET, ADMINS: 'admin@example.com', ...extra });
const webhooks = async () =>
  ((await (await fetch(`${api}/webhooks`, { headers: { authorization: `Bearer ${BOT_TOKEN}` } })).json()) as { items: any[] }).items;

describe('npm run cli -- webex register-webhooks --url PUBLIC_URL', () => {
  test('creates the two webhooks, then finds them again (unchanged), then moves them to a new address (updated)', async () => {
    const first = runCli(dataDir, ['--json', 'webex', 'register-webhooks', '--url', 'https://bot.example.com'], env());
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.json).toEqual({
      targetUrl: 'https://bot.example.com/api/webex',
      webhooks: [
        { id: expect.any(String), name: 'Provisio messages', resource: 'messages', event: 'created', targetUrl: 'https://bot.example.com/api/webex', action: 'created' },
        { id: expect.any(String), name: 'Provisio card submits', resource: 'attachmentActions', event: 'created', targetUrl: 'https://bot.example.com/api/webex', action: 'created' },
      ],
    });
    expect(first.stdout).not.toContain(SECRET);
    expect((await webhooks()).map((w) => [w.resource, w.event, w.targetUrl, w.secret, w.status])).toEqual([
      ['messages', 'created', 'https://bot.example.com/api/webex', SECRET, 'active'],
      ['attachmentActions', 'created', 'https://bot.example.com/api/webex', SECRET, 'active'],
    ]);

    const again = runCli(dataDir, ['webex', 'register-webhooks', '--json', '--url', 'https://bot.example.com/api/webex'], env());
    expect(again.code).toBe(0);
    expect(again.json.webhooks.map((w: any) => [w.id, w.action])).toEqual(first.json.webhooks.map((w: any) => [w.id, 'unchanged']));

    // PUBLIC_URL when --url is not given; a new secret too; the human-readable lines.
    const moved = runCli(dataDir, ['webex', 'register-webhooks'], env({ PUBLIC_URL: 'https://new.example.com/', WEBEX_WEBHOOK_SECRET: 'new-secret' }));
    expect(moved.code).toBe(0);
    expect(moved.stdout).toBe(
      'updated: Provisio messages (messages.created) → https://new.example.com/api/webex\n' +
        'updated: Provisio card submits (attachmentActions.created) → https://new.example.com/api/webex\n',
    );
    const now = await webhooks();
    expect(now.map((w) => [w.id, w.targetUrl, w.secret])).toEqual(first.json.webhooks.map((w: any) => [w.id, 'https://new.example.com/api/webex', 'new-secret']));
  });

  test('wrong usage or configuration exits 2; a token Webex refuses exits 1 without showing it', () => {
    const noChannel = runCli(dataDir, ['webex', 'register-webhooks', '--url', 'https://bot.example.com'], { WEBEX_API_URL: api });
    expect(noChannel.code).toBe(2);
    expect(noChannel.stderr).toContain('WEBEX_BOT_TOKEN and WEBEX_WEBHOOK_SECRET must be set');
    const halfConfigured = runCli(dataDir, ['webex', 'register-webhooks', '--url', 'https://bot.example.com'], { WEBEX_API_URL: api, WEBEX_BOT_TOKEN: BOT_TOKEN });
    expect(halfConfigured.code).toBe(2);
    const noUrl = runCli(dataDir, ['webex', 'register-webhooks'], env());
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('--url is required');
    const badUrl = runCli(dataDir, ['webex', 'register-webhooks', '--url', 'ftp://bot.example.com'], env());
    expect(badUrl.code).toBe(2);
    const french = runCli(dataDir, ['webex', 'register-webhooks'], env({ DEFAULT_LOCALE: 'fr' }));
    expect(french.stderr).toContain("--url est requis");

    const refused = runCli(dataDir, ['webex', 'register-webhooks', '--url', 'https://bot.example.com'], env({ WEBEX_BOT_TOKEN: 'wrong-token-123' }));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: Webex refused WEBEX_BOT_TOKEN \(401\): it is missing, expired or not a bot's token .*trackingId: EMU_/);
    expect(refused.stderr + refused.stdout).not.toContain('wrong-token-123');
  });
});
