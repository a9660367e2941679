import fs from 'node:fs';
import path from 'node:path';
import { startBot, send, type BotProcess } from '../helpers/botProcess';
import { runCli } from '../helpers/cli';
import { tempDir, visibleText } from '../helpers/dialogHarness';

/** What a person types gets the contacts import's limits everywhere: 255 characters, no control or bidi character. */
describe('typed values in the chat, over the real server', () => {
  let bot: BotProcess;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir();
    bot = await startBot({ DATA_DIR: dataDir, ADMINS: 'admin-1' });
  });
  afterAll(async () => {
    await bot.stop();
  });
  const admin = { from: { id: 'admin-1', name: 'Alice' }, locale: 'en-US' };
  const say = async (conversation: string, text: string) => visibleText((await send(bot.url, { ...admin, text }, conversation)).activities);
  const orgText = () => fs.readFileSync(path.join(dataDir, 'org.json'), 'utf8');

  test('a 1 MB first name is refused at the name question, saying how long it may be; nothing is stored', async () => {
    const before = orgText().length;
    await say('c-long', 'add user');
    const answer = await say('c-long', `${'A'.repeat(1024 * 1024)} Martin alice@sandbox.example`);
    expect(answer).toContain('The first name holds 1048576 characters; at most 255 are accepted. Shorten it.');
    expect(answer.length).toBeLessThan(1000);
    expect(orgText().length).toBe(before);
  });

  test.each([
    ['an escape sequence', 'Eve\u001b[31m'],
    ['a bell', 'Eve\u0007'],
    ['a bidi override', 'Eve\u202Etxt.exe'],
  ])('a name holding %s is refused with where it is and how to fix it', async (_what, name) => {
    await say(`c-${name}`, 'add user');
    const answer = await say(`c-${name}`, `${name} Martin eve@sandbox.example`);
    expect(answer).toMatch(/The first name holds an invisible control character \(U\+[0-9A-F]{4}\) at position 4: it would garble what is shown\. Type it again without it\./);
    expect(orgText()).not.toContain('eve@sandbox.example');
  });

  test('a list name holding a control character is refused', async () => {
    const answer = await say('c-list', 'create list Fourn\u001bisseurs');
    expect(answer).toContain('The text holds an invisible control character (U+001B) at position 6');
    expect(JSON.parse(orgText()).distributionLists).toHaveLength(0);
  });

  test('a search longer than any value is refused, naming the limit', async () => {
    expect(await say('c-search', `search ${'d'.repeat(300)}`)).toContain('The search holds 300 characters; at most 255 are accepted.');
  });

  test('text the bot does not understand is quoted by a short prefix only', async () => {
    const answer = await say('c-echo', `${'blah '.repeat(20_000)}`);
    expect(answer).toContain(`I did not understand "${'blah '.repeat(12)}…"`);
    expect(answer.length).toBeLessThan(1500);
  });
});

describe('typed values on the command line', () => {
  test('users add refuses a control character in a name, and prints none raw', () => {
    const dataDir = tempDir();
    const run = runCli(dataDir, ['users', 'add', '--first', 'Eve\u001b[31m', '--last', 'Red', '--email', 'eve@sandbox.example', '--license', 'Webex Meetings']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The first name holds an invisible control character (U+001B) at position 4');
    expect(run.stderr).not.toContain('\u001b');
  });

  test('contacts add and a contacts import refuse a control character in a name, at its line and column', () => {
    const dataDir = tempDir();
    const added = runCli(dataDir, ['contacts', 'add', '--name', 'Evil\u0007Corp', '--email', 'evil@acme.example']);
    expect(added.code).toBe(1);
    expect(added.stderr).toContain('holds an invisible control character (U+0007) at position 5');
    const file = path.join(dataDir, 'contacts.csv');
    fs.writeFileSync(file, 'Display Name,Contact Email,Address Street\nGood One,good@acme.example,"12 rue\nBât. B"\nBad\u001b[2J One,bad@acme.example,\n');
    const imported = runCli(dataDir, ['--json', 'contacts', 'import', file]);
    expect(imported.json).toMatchObject({ created: 1, failed: 1 });
    expect(imported.json.errors).toEqual([expect.objectContaining({ line: 4, column: 'Display Name', code: 'unsafe_character' })]);
  });

  test('a control character already stored is shown escaped by users list and audit, never raw', () => {
    const dataDir = tempDir();
    expect(runCli(dataDir, ['users', 'list']).code).toBe(0);
    const file = path.join(dataDir, 'org.json');
    const org = JSON.parse(fs.readFileSync(file, 'utf8'));
    org.users[0].firstName = 'Jean\u001b[2J\u202E';
    org.audit = [{ id: 'a1', at: new Date().toISOString(), actor: { id: 'x\u0007', name: 'Mallory\u001b]0;pwned\u0007' }, flow: 'test', action: 'user.create', target: 'evil\u001b[31m@x' }];
    fs.writeFileSync(file, JSON.stringify(org));
    const list = runCli(dataDir, ['users', 'list']);
    expect(list.stdout).toContain('Jean\\u001b[2J\\u202e');
    const audit = runCli(dataDir, ['audit']);
    expect(audit.code).toBe(0);
    for (const out of [list.stdout, audit.stdout, runCli(dataDir, ['--json', 'users', 'list']).stdout]) {
      expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    }
  });
});
