import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type Run } from '../helpers/cli';

let dataDir: string;
beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-audit-'))));
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const cli = (...args: string[]): Run => runCli(dataDir, args);

describe('npm run cli -- audit', () => {
  test('--json lists every write, oldest first: who, when, which flow, before and after', () => {
    expect(cli('users', 'add', '--first', 'Ada', '--last', 'Lovelace', '--email', 'ada@example.com', '--license', 'Webex Meetings').code).toBe(0);
    expect(cli('users', 'delete', '--email', 'ada@example.com', '--yes').code).toBe(0);
    const run = cli('audit', '--json');
    expect(run.code).toBe(0);
    // users add sends the invitation right after the creation: a second write.
    expect(run.json.map((e: { action: string }) => e.action)).toEqual(['user.create', 'user.invite', 'user.delete']);
    const [created, invited, deleted] = run.json;
    expect(created).toMatchObject({ flow: 'cli', target: 'ada@example.com', actor: { id: `cli:${os.userInfo().username}` }, after: { email: 'ada@example.com' } });
    expect(created.before).toBeUndefined();
    expect(invited).toMatchObject({ flow: 'cli', target: 'ada@example.com', after: [{ email: 'ada@example.com', invitedAt: expect.any(String) }] });
    expect(deleted).toMatchObject({ before: { email: 'ada@example.com' } });
    expect(Date.parse(created.at)).toBeLessThanOrEqual(Date.parse(deleted.at));
  });

  test('without --json: one line per write, then what it changed, licences by name', () => {
    cli('users', 'add', '--first', 'Ada', '--last', 'Lovelace', '--email', 'ada@example.com', '--license', 'Webex Meetings');
    const run = cli('audit');
    expect(run.stdout).toMatch(/^\S+Z \S+ \(cli:\S+\) cli user\.create ada@example\.com\n/);
    expect(run.stdout).toContain('  licenseIds: — → Webex Meetings');
  });

  test('--since keeps the entries from that instant on', () => {
    cli('users', 'add', '--first', 'Ada', '--last', 'Lovelace', '--email', 'ada@example.com', '--license', 'Webex Meetings');
    const entries = cli('audit', '--json').json;
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['user.create', 'user.invite']);
    const [first, last] = entries;
    const actionsSince = (at: string) => cli('audit', '--since', at, '--json').json.map((e: { action: string }) => e.action);
    expect(actionsSince(first.at)).toEqual(['user.create', 'user.invite']);
    // Both writes may fall in the same millisecond.
    expect(actionsSince(last.at)).toEqual(first.at === last.at ? ['user.create', 'user.invite'] : ['user.invite']);
    expect(actionsSince(new Date(Date.parse(last.at) + 1).toISOString())).toEqual([]);
  });

  test('a --since that is not a date is a usage error (exit 2) saying what to give', () => {
    const run = cli('audit', '--since', 'yesterday');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--since: "yesterday" is not a date; give an ISO 8601 date');
  });
});
