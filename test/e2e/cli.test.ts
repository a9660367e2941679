import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type Run } from '../helpers/cli';

const IT = 'IT division';

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-cli-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const cli = (...args: string[]): Run => runCli(dataDir, args);

const addUser = (...extra: string[]) =>
  cli('users', 'add', '--first', 'Ada', '--last', 'Lovelace', '--email', 'ada@example.com', ...extra, '--json');

const addCallingUser = (...extra: string[]) => addUser('--license', 'Webex Suite', '--location', IT, ...extra);

function freeNumbersOf(location: string): string[] {
  const run = cli('locations', 'list', '--json');
  expect(run.code).toBe(0);
  return run.json.find((l: { name: string }) => l.name === location).freeNumbers;
}

function expectRuleError(run: Run, code: string): void {
  expect({ code: run.code, error: run.json?.error?.code }).toEqual({ code: 1, error: code });
  expect(run.json.error.message).toEqual(expect.any(String));
}

function userEmails(...args: string[]): string[] {
  const run = cli('users', 'list', ...args, '--json');
  expect(run.code).toBe(0);
  return run.json.map((u: { email: string }) => u.email);
}

test('--help lists the users and locations commands', () => {
  const run = cli('--help');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^\s+users\b/m);
  expect(run.stdout).toMatch(/^\s+locations\b/m);
  const users = cli('users', '--help');
  expect(users.stdout).toMatch(/add/);
  expect(users.stdout).toMatch(/list/);
  expect(users.stdout).toMatch(/delete/);
});

test('locations list --json on a fresh data dir returns the sandbox locations with their free numbers', () => {
  const run = cli('locations', 'list', '--json');
  expect(run.code).toBe(0);
  expect(run.json.map((l: { name: string }) => l.name)).toEqual(['Siège — Paris', IT, 'Lyon — Entrepôt']);
  for (const location of run.json) expect(location.id).toEqual(expect.any(String));
  const it = run.json.find((l: { name: string }) => l.name === IT);
  // +33634333211 belongs to the seeded Julien Rouchon.
  expect(it.freeNumbers).toEqual(['+33634333212', '+33634333213', '+33634333214', '+33634333215', '+33634333216', '+33634333217', '+33634333218']);
  expect(run.json.find((l: { name: string }) => l.name === 'Lyon — Entrepôt').freeNumbers).toEqual([]);
});

test('without --json, locations list prints one line per location', () => {
  const run = cli('locations', 'list');
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain(IT);
  expect(lines[1]).toContain('+33634333212');
});

test('users add with a calling licence, a number typed the French way and an extension creates a pending user and takes the number', () => {
  const run = addUser('--license', 'webex suite', '--location', 'it DIVISION', '--number', '06 34 33 32 12', '--extension', '3212');
  expect(run.code).toBe(0);
  expect(run.json).toEqual({
    id: expect.any(String),
    email: 'ada@example.com',
    firstName: 'Ada',
    lastName: 'Lovelace',
    status: 'pending',
    location: IT,
    phoneNumber: '+33634333212',
    extension: '3212',
    licenses: ['Webex Suite'],
    invitation: { status: 'sent' },
  });

  const { invitation: _invitation, ...created } = run.json;
  const listed = cli('users', 'list', '--json').json.find((u: { email: string }) => u.email === 'ada@example.com');
  expect(listed).toEqual(created);
  expect(freeNumbersOf(IT)).not.toContain('+33634333212');
});

test('users add accepts a number in E.164 and a licence without calling needs no location', () => {
  const calling = addCallingUser('--number', '+33634333215');
  expect(calling.code).toBe(0);
  expect(calling.json.phoneNumber).toBe('+33634333215');
  expect(calling.json.extension).toBeNull();

  const meetings = cli('users', 'add', '--first', 'Bo', '--last', 'Meet', '--email', 'bo@example.com', '--license', 'Webex Meetings', '--json');
  expect(meetings.code).toBe(0);
  expect(meetings.json).toMatchObject({ location: null, phoneNumber: null, extension: null, licenses: ['Webex Meetings'] });
});

test('users add records the CLI user as the actor of the write', () => {
  expect(addCallingUser('--extension', '4000').code).toBe(0);
  const org = JSON.parse(fs.readFileSync(path.join(dataDir, 'org.json'), 'utf8'));
  const entry = org.audit.find((a: { action: string }) => a.action === 'user.create');
  const name = os.userInfo().username;
  expect(entry).toMatchObject({ actor: { id: `cli:${name}`, name }, flow: 'cli', target: 'ada@example.com' });
});

test('users add sends the invitation right away: without SMTP_URL, an .eml file in DATA_DIR/outbox', () => {
  const run = cli('users', 'add', '--first', 'Ada', '--last', 'Lovelace', '--email', 'ada@example.com', '--license', 'Webex Meetings');
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('Invitation sent to ada@example.com.');
  const outbox = path.join(dataDir, 'outbox');
  const files = fs.readdirSync(outbox);
  expect(files).toEqual([expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d-]+Z-[0-9a-f]{12}\.eml$/)]);
  const eml = fs.readFileSync(path.join(outbox, files[0]), 'utf8');
  expect(eml).toMatch(/^To: Ada Lovelace <ada@example\.com>$/m);
  expect(eml).toMatch(/http:\/\/localhost:3978\/activate\/[A-Za-z0-9_-]{32}/);
  // The file holds a live link: readable by its owner only.
  expect(fs.statSync(path.join(outbox, files[0])).mode & 0o077).toBe(0);
});

test('users add whose invitation cannot be sent still creates the user (exit 0), says so and leaves the user not invited', () => {
  // Nothing listens on port 1: the connection is refused.
  const run = runCli(dataDir, ['users', 'add', '--first', 'Ada', '--last', 'Lovelace', '--email', 'ada@example.com', '--license', 'Webex Meetings', '--json'], {
    SMTP_URL: 'smtp://user:s3cret-pass@127.0.0.1:1',
  });
  expect(run.code).toBe(0);
  expect(run.json).toMatchObject({ email: 'ada@example.com', status: 'pending', invitation: { status: 'failed', code: 'send_failed', message: expect.stringContaining('ECONNREFUSED') } });
  expect(run.stderr).toContain('the user is created, but the invitation was not sent');
  expect(run.stdout + run.stderr).not.toContain('s3cret-pass');
  expect(userEmails('--status', 'pending')).toContain('ada@example.com');
  const org = JSON.parse(fs.readFileSync(path.join(dataDir, 'org.json'), 'utf8'));
  expect(org.users.find((u: { email: string }) => u.email === 'ada@example.com').invitedAt).toBeUndefined();
  expect(org.audit.map((a: { action: string }) => a.action)).toEqual(['user.create']);
});

test('users add refuses an invalid e-mail address', () => {
  const run = cli('users', 'add', '--first', 'A', '--last', 'B', '--email', 'not-an-email', '--license', 'Webex Meetings', '--json');
  expectRuleError(run, 'invalid_email');
  expect(run.json.error.message).toBe('"not-an-email" is not a valid e-mail address (expected something like name@company.com).');
});

test('users add refuses an e-mail already used, whatever its case', () => {
  const run = cli('users', 'add', '--first', 'A', '--last', 'B', '--email', 'J.Rouchon@SANDBOX.example', '--license', 'Webex Meetings', '--json');
  expectRuleError(run, 'email_taken');
  expect(run.json.error.message).toContain('Julien Rouchon');
});

test('users add refuses an unknown licence and names the known ones', () => {
  const run = addUser('--license', 'Webex Platinum');
  expectRuleError(run, 'unknown_license');
  expect(run.json.error.message).toContain('Webex Suite');
});

test('users add refuses a calling licence without a location', () => {
  expectRuleError(addUser('--license', 'Webex Suite', '--extension', '4000'), 'location_required');
});

test('users add refuses a number that is not free in the location', () => {
  // Julien Rouchon holds +33634333211; a Paris number is not in the IT pool either.
  expectRuleError(addCallingUser('--number', '06 34 33 32 11'), 'number_not_free');
  expectRuleError(addCallingUser('--number', '+33142680105'), 'number_not_free');
  expect(userEmails()).not.toContain('ada@example.com');
});

test('users add refuses an extension already used in the location', () => {
  const run = addCallingUser('--extension', '3211');
  expectRuleError(run, 'extension_taken');
  expect(run.json.error.message).toContain('Julien Rouchon');
});

test('users add refuses a location or number given with no calling licence, instead of dropping them', () => {
  expectRuleError(addUser('--license', 'Webex Meetings', '--location', IT, '--number', '0634333213'), 'calling_needs_license');
  expect(freeNumbersOf(IT)).toContain('+33634333213');
});

test('users add trims spaces around the e-mail address', () => {
  const run = cli('users', 'add', '--first', 'Ada', '--last', 'Lovelace', '--email', ' ada@example.com ', '--license', 'Webex Meetings', '--json');
  expect(run.code).toBe(0);
  expect(run.json.email).toBe('ada@example.com');
});

test('users add refuses a non-numeric extension', () => {
  expectRuleError(addCallingUser('--extension', '12a4'), 'invalid_extension');
});

test('without --json, a broken rule is a readable message on stderr and exit 1', () => {
  const run = cli('users', 'add', '--first', 'A', '--last', 'B', '--email', 'x@example.com', '--license', 'nope');
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain('There is no licence "nope"');
});

test('users list --status pending lists only pending users', () => {
  expect(addCallingUser('--extension', '4000').code).toBe(0);
  const pending = cli('users', 'list', '--status', 'pending', '--json');
  expect(pending.code).toBe(0);
  expect(pending.json.every((u: { status: string }) => u.status === 'pending')).toBe(true);
  expect(pending.json.map((u: { email: string }) => u.email).sort()).toEqual(
    ['ada@example.com', 'm.lefevre@sandbox.example', 'toto.titi@sandbox.example'].sort(),
  );
  expect(userEmails('--status', 'active')).not.toContain('ada@example.com');
});

test('without --json, users list prints one line per user', () => {
  const run = cli('users', 'list');
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(5);
  expect(lines.find((l) => l.includes('j.rouchon@sandbox.example'))).toContain('Julien Rouchon');
});

test('users delete --yes deletes the user and frees the number', () => {
  const added = addCallingUser('--number', '06 34 33 32 12', '--extension', '3212');
  expect(added.code).toBe(0);

  const run = cli('users', 'delete', '--email', 'ADA@example.com', '--yes', '--json');
  expect(run.code).toBe(0);
  const { invitation: _invitation, ...created } = added.json;
  expect(run.json).toEqual({ deleted: created });
  expect(userEmails()).not.toContain('ada@example.com');
  expect(freeNumbersOf(IT)).toContain('+33634333212');
});

test('users delete without --yes exits 2, says --yes is needed and deletes nothing', () => {
  const run = cli('users', 'delete', '--email', 'j.rouchon@sandbox.example', '--json');
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--yes');
  expect(userEmails()).toContain('j.rouchon@sandbox.example');
});

test('users delete of an unknown e-mail exits 1 with user_not_found', () => {
  expectRuleError(cli('users', 'delete', '--email', 'nobody@example.com', '--yes', '--json'), 'user_not_found');
});

test.each([
  ['an unknown option', ['users', 'list', '--bogus']],
  ['a missing required option', ['users', 'add', '--first', 'A', '--last', 'B', '--license', 'Webex Meetings']],
  ['a bad --status value', ['users', 'list', '--status', 'gone']],
  ['an unknown command', ['groups', 'list']],
])('a usage error (%s) exits 2 with a message on stderr', (_name, args) => {
  const run = cli(...args);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/error:/);
  expect(run.stdout).toBe('');
});

test('a bad configuration exits 2 and names the variable', () => {
  const result = runCli(dataDir, ['users', 'list'], { DIRECTORY_BACKEND: 'mysql' });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('DIRECTORY_BACKEND');
});

test('an unexpected failure exits 1 with a one-line message on stderr', () => {
  fs.writeFileSync(path.join(dataDir, 'org.json'), '{ not json');
  const run = cli('users', 'list');
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain('org.json');
});
