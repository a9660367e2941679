import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { startBot, send as sendTo, type BotProcess } from '../helpers/botProcess';
import type { Run } from '../helpers/cli';
import { buttonData, tempDir, visibleText } from '../helpers/dialogHarness';

/** A real SMTP server on loopback: every message it accepts, parsed; recipients it refuses with 550. */
interface Inbox {
  url: string;
  messages: ParsedMail[];
  refuse: Set<string>;
  /** Resolves once `count` messages have arrived (the server answers the client before parsing ends). */
  waitFor(count: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

async function startInbox(): Promise<Inbox> {
  const messages: ParsedMail[] = [];
  const refuse = new Set<string>();
  const waiters: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) return callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          waiters.splice(0).forEach((wake) => wake());
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const waitFor = async (count: number) => {
    while (messages.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
    return messages;
  };
  return { url: `smtp://127.0.0.1:${port}`, messages, refuse, waitFor, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const recipient = (mail: ParsedMail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.value[0].address;
const linkIn = (mail: ParsedMail) => mail.text!.match(/http:\/\/127\.0\.0\.1:\d+\/activate\/[A-Za-z0-9_-]{32}/)![0];

let inbox: Inbox;
beforeAll(async () => {
  inbox = await startInbox();
});
afterAll(async () => {
  await inbox.close();
});
beforeEach(() => {
  inbox.messages.length = 0;
  inbox.refuse.clear();
});

describe('invitations in the chat, over HTTP, with a real SMTP server', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBot({ DATA_DIR: tempDir(), SMTP_URL: inbox.url, MAIL_FROM: 'Provisio Test <provisio@test.example>', DEFAULT_LOCALE: 'en' });
  });
  afterAll(async () => {
    await bot.stop();
  });
  // No turn may fail on the way.
  afterEach(() => expect(bot.logs.filter((line) => line.includes('"level":50'))).toEqual([]));

  const say = async (input: string | Record<string, unknown>, conversation = 'inv-1') =>
    (await sendTo(bot.url, { locale: 'en-US', ...(typeof input === 'string' ? { text: input } : { value: input }) }, conversation)).activities;

  test('send → one e-mail per pending user → the link: page, then Activate → active; used twice says so; a second sending within 24 h skips', async () => {
    const list = await say('send invitations');
    expect(visibleText(list)).toContain('2 users have not activated their account:');
    expect(visibleText(list)).toContain('Marc Lefèvre, Toto Titi');
    expect(inbox.messages).toEqual([]);

    const result = await say(buttonData(list, /^Send$/));
    expect(visibleText(result)).toContain('Invitations — 2 sent · 0 skipped · 0 failed');
    const mails = await inbox.waitFor(2);
    expect(mails.map(recipient).sort()).toEqual(['m.lefevre@sandbox.example', 'toto.titi@sandbox.example']);
    const toto = mails.find((m) => recipient(m) === 'toto.titi@sandbox.example')!;
    expect(toto.from!.value).toEqual([{ name: 'Provisio Test', address: 'provisio@test.example' }]);
    expect(toto.subject).toBe('Activez votre compte / Activate your account');
    const link = linkIn(toto);
    expect(link.startsWith(`${bot.url}/activate/`)).toBe(true);
    expect(String(toto.html)).toContain(`href="${link}"`);

    // Opening the link (or a mail scanner doing it) only shows the page.
    const page = await fetch(link, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Hello Toto Titi.');
    expect(html).toContain('<form method="post">');
    expect(visibleText(await say('users active'))).not.toContain('Toto Titi');

    const activated = await fetch(link, { method: 'POST', headers: { 'accept-language': 'en' } });
    expect(activated.status).toBe(200);
    expect(await activated.text()).toContain('Your account is active');
    const active = visibleText(await say('users active'));
    expect(active).toMatch(/^4 user\(s\)/m);
    expect(active).toContain('**Toto Titi** — toto.titi@sandbox.example — Active');

    const again = await fetch(link, { method: 'POST', headers: { 'accept-language': 'en' } });
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('This activation link has already been used.');
    expect((await fetch(link)).status).toBe(410);

    // Marc is still pending, and was invited a moment ago: skipped, like Webex does.
    const second = await say('send invitations');
    expect(visibleText(second)).toContain('1 user has not activated their account:');
    expect(visibleText(second)).toContain('1 of them was invited less than 24 hours ago and will be skipped');
    const skipped = visibleText(await say(buttonData(second, /^Send$/)));
    expect(skipped).toContain('Invitations — 0 sent · 1 skipped (already invited less than 24 h ago) · 0 failed');
    expect(inbox.messages).toHaveLength(2);

    // Neither the link nor its token is ever logged.
    expect(bot.logs.join('\n')).not.toContain(link.split('/').pop()!);
    expect(bot.logs.some((line) => line.includes('user activated'))).toBe(true);
  });

  test('a user added in the chat gets the invitation at once; a refused address leaves them not invited, with "resend"', async () => {
    const conversation = 'inv-2';
    await say('add user', conversation);
    await say('Ada Lovelace ada@example.com', conversation);
    await say('Webex Meetings', conversation);
    const created = visibleText(await say('yes', conversation));
    expect(created).toContain('User Ada Lovelace created');
    expect(created).toContain('Invitation sent to ada@example.com.');
    const [mail] = await inbox.waitFor(1);
    expect(recipient(mail)).toBe('ada@example.com');

    inbox.refuse.add('grace@example.com');
    await say('add user', conversation);
    await say('Grace Hopper grace@example.com', conversation);
    await say('Webex Meetings', conversation);
    const refused = await say('yes', conversation);
    expect(visibleText(refused)).toContain('User Grace Hopper created');
    expect(visibleText(refused)).toContain('Pending (invitation not sent yet)');
    expect(visibleText(refused)).toMatch(/the invitation was not sent: the e-mail could not be sent \(.*550.*mailbox unavailable.*\)/);
    expect(inbox.messages).toHaveLength(1);

    inbox.refuse.clear();
    const resent = visibleText(await say(buttonData(refused, /^Resend the invitation$/), conversation));
    expect(resent).toContain('1 sent · 0 skipped · 0 failed');
    const mails = await inbox.waitFor(2);
    expect(recipient(mails[1])).toBe('grace@example.com');
  });
});

describe('npm run cli -- invitations send', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = tempDir();
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  /**
   * The built CLI, run as a user would; asynchronously, unlike test/helpers/cli.ts, because the SMTP server it talks
   * to lives in this process and must keep answering while the CLI runs.
   */
  const cli = (...args: string[]): Promise<Run> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js'), ...args], {
        env: { PATH: process.env.PATH, DATA_DIR: dataDir, DEFAULT_LOCALE: 'en', SMTP_URL: inbox.url },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.once('error', reject);
      child.once('close', (code) => {
        let json: unknown;
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
        resolve({ code, stdout, stderr, json });
      });
    });
  const org = () => JSON.parse(fs.readFileSync(path.join(dataDir, 'org.json'), 'utf8'));
  const pendingInvitedAt = () => org().users.filter((u: { status: string }) => u.status === 'pending').map((u: { invitedAt: string }) => u.invitedAt);

  test('--json gives {sent, skipped, failed, errors}; a second run within 24 h skips everyone', async () => {
    const run = await cli('invitations', 'send', '--json');
    expect(run.code).toBe(0);
    expect(run.json).toEqual({ sent: 2, skipped: 0, failed: 0, errors: [] });
    expect((await inbox.waitFor(2)).map(recipient).sort()).toEqual(['m.lefevre@sandbox.example', 'toto.titi@sandbox.example']);
    // The CLI's links point to PUBLIC_URL, else localhost:PORT.
    expect(inbox.messages[0].text).toMatch(/http:\/\/localhost:3978\/activate\/[A-Za-z0-9_-]{32}/);

    const again = await cli('invitations', 'send', '--json');
    expect(again.json).toEqual({ sent: 0, skipped: 2, failed: 0, errors: [] });
    expect(inbox.messages).toHaveLength(2);

    // users list --status pending still lists them: invited is not active.
    const pending = await cli('users', 'list', '--status', 'pending', '--json');
    expect(pending.json.map((u: { email: string }) => u.email).sort()).toEqual(['m.lefevre@sandbox.example', 'toto.titi@sandbox.example']);
  });

  test('--dry-run sends nothing and marks nothing', async () => {
    expect((await cli('users', 'list')).code).toBe(0); // writes the sandbox org
    const before = pendingInvitedAt();
    const run = await cli('invitations', 'send', '--dry-run', '--json');
    expect(run.code).toBe(0);
    expect(run.json).toEqual({ sent: 2, skipped: 0, failed: 0, errors: [] });
    expect(inbox.messages).toEqual([]);
    expect(pendingInvitedAt()).toEqual(before);
    expect(org().audit).toEqual([]);
    const human = await cli('invitations', 'send', '--dry-run');
    expect(human.stdout).toBe('Dry run, nothing sent: would send 2, skip 0\nwould send: m.lefevre@sandbox.example\nwould send: toto.titi@sandbox.example\n');
  });

  test('an address the server refuses: exit 1, the failure in errors with its reason, and that user is not marked', async () => {
    inbox.refuse.add('toto.titi@sandbox.example');
    expect((await cli('users', 'list')).code).toBe(0); // writes the sandbox org
    const before = org().users.find((u: { email: string }) => u.email === 'toto.titi@sandbox.example').invitedAt;
    const run = await cli('invitations', 'send', '--json');
    expect(run.code).toBe(1);
    expect(run.json).toEqual({
      sent: 1,
      skipped: 0,
      failed: 1,
      errors: [{ email: 'toto.titi@sandbox.example', code: 'send_failed', message: expect.stringMatching(/^the e-mail could not be sent \(.*550.*mailbox unavailable/) }],
    });
    expect(run.stderr).toContain('1 invitation(s) could not be sent.');
    expect((await inbox.waitFor(1)).map(recipient)).toEqual(['m.lefevre@sandbox.example']);
    expect(org().users.find((u: { email: string }) => u.email === 'toto.titi@sandbox.example').invitedAt).toBe(before);

    const human = await cli('invitations', 'send');
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('Invitations: 0 sent · 1 skipped (already invited less than 24 h ago) · 1 failed');
    expect(human.stdout).toMatch(/^not sent: toto\.titi@sandbox\.example \(the e-mail could not be sent/m);
  });
});
