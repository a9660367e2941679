import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli, type Run } from '../helpers/cli';

const SHARED = path.join(__dirname, '../../../shared/fixtures/csv');
const OWN = path.join(__dirname, '../fixtures/csv');
const FILLED = path.join(SHARED, 'webex-contacts-template-filled.csv');

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-contacts-cli-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const cli = (...args: string[]): Run => runCli(dataDir, args);

const temp = (name: string) => path.join(dataDir, name);

test('contacts import --json prints exactly the contract object and exits 0; a second run changes nothing', () => {
  const run = cli('contacts', 'import', FILLED, '--json');
  expect(run.code).toBe(0);
  expect(run.json).toEqual({
    dryRun: false,
    file: { format: 'webex-contacts', encoding: 'utf-8', delimiter: ',', rows: 8 },
    created: 8,
    updated: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
    warnings: [],
  });
  expect(Object.keys(run.json)).toEqual(['dryRun', 'file', 'created', 'updated', 'unchanged', 'failed', 'errors', 'warnings']);
  expect(cli('contacts', 'import', FILLED, '--json').json).toMatchObject({ created: 0, unchanged: 8 });
});

test('row errors and warnings come with line, column, code and an English message; exit 0 all the same', () => {
  const run = cli('contacts', 'import', path.join(OWN, 'webex-row-errors.csv'), '--json');
  expect(run.code).toBe(0);
  expect(run.json).toMatchObject({ created: 4, failed: 14 });
  expect(run.json.errors[0]).toEqual({
    line: 6,
    column: 'Display Name',
    code: 'display_name_required',
    message: '"Display Name" is empty: every contact needs a display name. Fill it in.',
  });
  expect(run.json.warnings).toContainEqual(expect.objectContaining({ line: 20, column: 'Phone Number 2', code: 'phone_not_valid' }));
  for (const issue of [...run.json.errors, ...run.json.warnings]) expect(Object.keys(issue)).toEqual(['line', 'column', 'code', 'message']);
});

test('--dry-run reports and writes nothing', () => {
  const run = cli('contacts', 'import', FILLED, '--dry-run', '--json');
  expect(run.json).toMatchObject({ dryRun: true, created: 8 });
  expect(cli('contacts', 'export').stdout.trim().split('\r\n')).toHaveLength(1);
});

test('--errors-out writes the failed rows with a Comments column, which imports once fixed', () => {
  const errorsOut = temp('errors.csv');
  expect(cli('contacts', 'import', path.join(OWN, 'webex-row-errors.csv'), '--errors-out', errorsOut, '--json').code).toBe(0);
  const lines = fs.readFileSync(errorsOut, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('Display Name,Contact UUID,First Name,Last Name,Phone Number 1,Phone Number 1 Type,Phone Number 2,Phone Number 2 Type,Contact Email,SIP URI,Title,Group ID 1,Comments');
  expect(lines[1]).toMatch(/^,,,,0123456702,work,,,,,,,"""Display Name"" is empty/);

  fs.writeFileSync(temp('fixed.csv'), `${lines[0]}\r\n${lines[1].replace(/^,/, 'Now Named,')}\r\n`);
  expect(cli('contacts', 'import', temp('fixed.csv'), '--json').json).toMatchObject({ created: 1, failed: 0 });
});

test('--errors-out writes nothing when no row failed', () => {
  expect(cli('contacts', 'import', FILLED, '--errors-out', temp('errors.csv')).code).toBe(0);
  expect(fs.existsSync(temp('errors.csv'))).toBe(false);
});

test('an error file left by an earlier import is removed once no row fails (it would list rows that now passed); the text report says so', () => {
  const errorsOut = temp('errors.csv');
  cli('contacts', 'import', path.join(OWN, 'webex-row-errors.csv'), '--errors-out', errorsOut, '--dry-run');
  expect(fs.existsSync(errorsOut)).toBe(true);
  const run = cli('contacts', 'import', FILLED, '--errors-out', errorsOut);
  expect(run.code).toBe(0);
  expect(fs.existsSync(errorsOut)).toBe(false);
  expect(run.stdout).toContain(`No row failed: removed ${errorsOut}, the error file of an earlier import.`);

  fs.writeFileSync(errorsOut, 'stale');
  const json = cli('contacts', 'import', FILLED, '--errors-out', errorsOut, '--json');
  expect(json.json).toMatchObject({ created: 0, unchanged: 8, failed: 0 });
  expect(fs.existsSync(errorsOut)).toBe(false);
});

test('--errors-out that cannot be written (no such folder, or a folder) is a usage error, exit 2, before anything is imported', () => {
  const rows = path.join(OWN, 'webex-row-errors.csv');
  const missing = cli('contacts', 'import', rows, '--json', '--errors-out', temp('missing/errors.csv'));
  expect(missing.code).toBe(2);
  expect(missing.stdout).toBe('');
  expect(missing.stderr).toMatch(/^Cannot write --errors-out .*missing\/errors\.csv: ENOENT\. Nothing was imported\./);
  const folder = cli('contacts', 'import', rows, '--errors-out', dataDir);
  expect(folder.code).toBe(2);
  expect(folder.stderr).toMatch(/is a folder: give a file name\. Nothing was imported\./);
  expect(cli('contacts', 'export').stdout.trim().split('\r\n')).toHaveLength(1);
});

test('an error file that still cannot be written once the import ran: the report is printed, then exit 1 saying the import ran', () => {
  // A link to a folder that does not exist passes the check made before the import, then fails to be written.
  fs.symlinkSync(temp('missing/errors.csv'), temp('errors.csv'));
  const run = cli('contacts', 'import', path.join(OWN, 'webex-row-errors.csv'), '--json', '--errors-out', temp('errors.csv'));
  expect(run.code).toBe(1);
  expect(run.json).toMatchObject({ created: 4, failed: 14 });
  expect(run.stderr).toMatch(/^Error: The import ran \(its report is above\), but the error file .*errors\.csv could not be written \(ENOENT\)/);
  expect(cli('contacts', 'import', path.join(OWN, 'webex-row-errors.csv'), '--json', '--dry-run').json).toMatchObject({ created: 0, failed: 14 });
});

test('a refused file exits 1 with {dryRun, fileError: {code, message}} on stdout', () => {
  const run = cli('contacts', 'import', path.join(SHARED, 'webex-contacts-header-only.csv'), '--json', '--dry-run');
  expect(run.code).toBe(1);
  expect(run.json).toEqual({
    dryRun: true,
    fileError: {
      code: 'header_only',
      message: 'The file holds the header but no contact. Add one contact per line under the header, then import it again. Nothing was imported.',
    },
  });
});

test('without --json, a refused file is one message on stderr and exit 1; a report is readable lines', () => {
  fs.writeFileSync(temp('binary.csv'), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
  const refused = cli('contacts', 'import', temp('binary.csv'));
  expect(refused.code).toBe(1);
  expect(refused.stdout).toBe('');
  expect(refused.stderr).toMatch(/^Error: This file is neither CSV text nor an \.xlsx workbook/);

  const run = cli('contacts', 'import', path.join(SHARED, 'company-contacts-sample.csv'));
  expect(run.code).toBe(0);
  expect(run.stdout).toContain('company-contacts, utf-8, delimiter ",", 2 row(s)');
  expect(run.stdout).toContain('Created 2, updated 0, unchanged 0, failed 0');
  expect(run.stdout).toMatch(/warning: line 3, téléphone-travail \[phone_not_valid\]/);
});

test('in French (DEFAULT_LOCALE=fr), the readable lines around the messages are French too', () => {
  const fr = (...args: string[]) => runCli(dataDir, args, { DEFAULT_LOCALE: 'fr' });
  fs.writeFileSync(temp('binary.csv'), Buffer.from([0, 1, 2, 3, 255, 0, 7]));
  expect(fr('contacts', 'import', temp('binary.csv')).stderr).toMatch(/^Erreur : Ce fichier/);

  const dryRun = fr('contacts', 'import', path.join(SHARED, 'company-contacts-sample.csv'), '--dry-run');
  expect(dryRun.stdout).toContain('company-contacts, utf-8, séparateur « , », 2 ligne(s)');
  expect(dryRun.stdout).toContain("Essai, rien n'est écrit : 2 à créer, 0 à modifier, 0 inchangé(s) ; 0 en échec");
  expect(dryRun.stdout).toMatch(/avertissement : ligne 3, téléphone-travail \[phone_not_valid\] /);
  expect(fr('contacts', 'import', path.join(SHARED, 'company-contacts-sample.csv')).stdout).toContain('Créés 2, modifiés 0, inchangés 0, en échec 0');
  expect(fr('contacts', 'template', '--out', temp('t.csv')).stdout).toBe(`Écrit : ${temp('t.csv')}\n`);
});

test('contacts export writes the 28-column template with the UUIDs, UTF-8 with BOM, to a file or stdout', () => {
  cli('contacts', 'import', FILLED);
  const run = cli('contacts', 'export', '--out', temp('export.csv'), '--json');
  expect(run.code).toBe(0);
  expect(run.json).toEqual({ contacts: 8, out: temp('export.csv') });
  const bytes = fs.readFileSync(temp('export.csv'));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  expect(lines).toHaveLength(9);
  expect(lines[1]).toMatch(/^fournisseur \d,[0-9a-f-]{36},,,\+33\d{9},work(,){22}$/);
  expect(cli('contacts', 'export').stdout).toBe(bytes.toString('utf8'));
});

test('contacts template gives the header row of the shared header-only fixture, with a BOM', () => {
  const expected = fs.readFileSync(path.join(SHARED, 'webex-contacts-header-only.csv'), 'utf8');
  expect(cli('contacts', 'template').stdout).toBe(`\uFEFF${expected}`);
  expect(cli('contacts', 'template', '--out', temp('template.csv')).code).toBe(0);
  expect(fs.readFileSync(temp('template.csv'), 'utf8')).toBe(`\uFEFF${expected}`);
});

test.each([
  ['no file', ['contacts', 'import']],
  ['a file that does not exist', ['contacts', 'import', '/nonexistent/contacts.csv']],
  ['an unknown option', ['contacts', 'import', FILLED, '--force']],
  ['an unknown contacts command', ['contacts', 'purge']],
])('a usage error (%s) exits 2', (_name, args) => {
  const run = cli(...args);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toBe('');
});

test('--help lists the contacts commands', () => {
  const run = cli('contacts', '--help');
  expect(run.code).toBe(0);
  for (const command of ['import', 'export', 'template']) expect(run.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
});

test('a file with thousands of numbers (read partly on a worker thread) imports them all, and the CLI exits once done', () => {
  const header = fs.readFileSync(FILLED, 'utf8').split(/\r?\n/)[0];
  const rows = Array.from({ length: 3000 }, (_, i) => {
    const cells = Array<string>(28).fill('');
    cells[0] = `Worker ${i}`;
    cells[4] = `01 ${String(40_000_000 + i).replace(/(..)(..)(..)(..)/, '$1 $2 $3 $4')}`;
    cells[5] = 'work';
    // Damaged numbers early, midway and last: each row is checked once its numbers come back from the worker.
    const damaged = [5, 1500, 2999].includes(i);
    cells[6] = damaged ? '3.36123E+10' : '';
    cells[7] = damaged ? 'mobile' : '';
    return cells.join(',');
  });
  fs.writeFileSync(temp('big.csv'), [header, ...rows].join('\n'));
  const run = cli('contacts', 'import', temp('big.csv'), '--json');
  expect(run.code).toBe(0);
  expect(run.json).toMatchObject({ created: 2997, failed: 3 });
  expect(run.json.errors).toEqual(
    [7, 1502, 3001].map((line) => expect.objectContaining({ line, column: 'Phone Number 2', code: 'phone_scientific_notation' })),
  );
  const exported = cli('contacts', 'export').stdout;
  expect(exported).toContain('+33140000000');
  expect(exported).toContain('+33140002998');
});
