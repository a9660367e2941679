import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { runCli, type Run } from '../helpers/cli';

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-users-cli-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const cli = (...args: string[]): Run => runCli(dataDir, args);
const temp = (name: string) => path.join(dataDir, name);
const rowsOf = (file: string): string[][] => parse(fs.readFileSync(file), { bom: true });
const write = (file: string, rows: string[][]) => fs.writeFileSync(file, stringify(rows));

test('users template and export write the users CSV with one column per licence', () => {
  expect(cli('users', 'template', '--out', temp('template.csv')).code).toBe(0);
  const header = rowsOf(temp('template.csv'))[0];
  expect(header.slice(0, 7)).toEqual(['User ID/Email (Required)', 'First Name', 'Last Name', 'Display Name', 'Location', 'Phone Number', 'Extension']);
  expect(header.slice(7)).toEqual(['Webex Suite', 'Webex Calling — Professional', 'Webex Meetings']);

  const exported = cli('users', 'export', '--out', temp('users.csv'), '--json');
  expect(exported.json).toEqual({ users: 5, out: temp('users.csv') });
  const rows = rowsOf(temp('users.csv'));
  expect(rows).toHaveLength(6);
  const chamblay = rows.find((r) => r[0] === 'jm.chamblay@sandbox.example')!;
  expect(chamblay.slice(4)).toEqual(['Siège — Paris', '+33142680100', '0100', 'TRUE', 'FALSE', 'FALSE']);
});

test('export → edit → import --json: the contract shape with the mode; the user changes; a dry run writes nothing', () => {
  cli('users', 'export', '--out', temp('users.csv'));
  const rows = rowsOf(temp('users.csv'));
  rows.find((r) => r[0] === 'toto.titi@sandbox.example')![7] = 'TRUE'; // Webex Suite, a calling licence…
  rows.find((r) => r[0] === 'toto.titi@sandbox.example')!.splice(4, 3, 'IT division', '+33634333215', ''); // …so a number
  const totoLine = rows.findIndex((r) => r[0] === 'toto.titi@sandbox.example') + 1;
  rows.push(['new.one@example.com', 'New', 'One', '', '', '', '', 'FALSE', 'FALSE', 'TRUE']);
  write(temp('edited.csv'), rows);

  const dry = cli('users', 'import', temp('edited.csv'), '--dry-run', '--json');
  expect(dry.code).toBe(0);
  expect(dry.json).toMatchObject({ dryRun: true, mode: 'add', created: 1, updated: 1, unchanged: 4, failed: 0 });
  expect(cli('users', 'list', '--json').json).toHaveLength(5);

  const run = cli('users', 'import', temp('edited.csv'), '--json');
  expect(run.code).toBe(0);
  expect(Object.keys(run.json)).toEqual(['dryRun', 'mode', 'file', 'created', 'updated', 'unchanged', 'failed', 'errors', 'warnings']);
  expect(run.json).toMatchObject({
    dryRun: false,
    file: { format: 'webex-users', encoding: 'utf-8', delimiter: ',', rows: 6 },
    created: 1,
    updated: 1,
    errors: [],
    warnings: [{ line: totoLine, column: 'Extension', code: 'extension_suggested' }],
  });
  const toto = cli('users', 'list', '--json').json.find((u: { email: string }) => u.email === 'toto.titi@sandbox.example');
  expect(toto).toMatchObject({ phoneNumber: '+33634333215', extension: '3215' });
  expect(cli('users', 'list', '--status', 'pending', '--json').json.map((u: { email: string }) => u.email)).toContain('new.one@example.com');
});

test('--mode add-remove removes licences set to FALSE; --errors-out writes the failed rows to fix', () => {
  write(temp('in.csv'), [
    ['User ID/Email (Required)', 'Webex Meetings', 'Webex Suite'],
    ['toto.titi@sandbox.example', 'FALSE', ''],
    ['ghost@example.com', 'maybe', ''],
  ]);
  const run = cli('users', 'import', temp('in.csv'), '--mode', 'add-remove', '--errors-out', temp('errors.csv'), '--json');
  expect(run.json).toMatchObject({ mode: 'add-remove', updated: 1, failed: 1, errors: [{ line: 3, column: 'Webex Meetings', code: 'license_value_invalid' }] });
  expect(rowsOf(temp('errors.csv'))).toEqual([
    ['User ID/Email (Required)', 'Webex Meetings', 'Webex Suite', 'Comments'],
    ['ghost@example.com', 'maybe', '', expect.stringContaining('neither TRUE nor FALSE')],
  ]);
  const toto = cli('users', 'list', '--json').json.find((u: { email: string }) => u.email === 'toto.titi@sandbox.example');
  expect(toto.licenses).toEqual([]);
});

test('a refused file exits 1 with the fileError; a wrong mode is a usage error (exit 2)', () => {
  fs.writeFileSync(temp('contacts.csv'), 'Display Name,Contact Email\r\nAda,ada@example.com\r\n');
  const refused = cli('users', 'import', temp('contacts.csv'), '--json');
  expect(refused.code).toBe(1);
  expect(refused.json).toEqual({ dryRun: false, fileError: { code: 'contacts_file', message: expect.stringContaining('import contacts') } });
  expect(cli('users', 'import', temp('contacts.csv'), '--mode', 'replace').code).toBe(2);
});
