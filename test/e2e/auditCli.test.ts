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
    expect(run.json.map((e: { action: string }) => e.action)).toEqual(['user.create', 'user.delete']);
    const [created, deleted] = run.json;
    expect(created).toMatchObject({ flow: 'cli', target: 'ada@example.com', actor: { id: `cli:${os.userInfo().username}` }, after: { email: 'ada@example.com' } });
    expect(created.before).toBeUndefined();
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
    const [entry] = cli('audit', '--json').json;
    expect(cli('audit', '--since', entry.at, '--json').json).toHaveLength(1);
    expect(cli('audit', '--since', new Date(Date.parse(entry.at) + 1).toISOString(), '--json').json).toEqual([]);
  });

  test('a --since that is not a date is a usage error (exit 2) saying what to give', () => {
    const run = cli('audit', '--since', 'yesterday');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--since: "yesterday" is not a date; give an ISO 8601 date');
  });
});
