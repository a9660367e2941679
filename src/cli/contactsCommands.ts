import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { TEMPLATE_HEADER, templateCsv } from '../csv/export';
import { loadConfig } from '../config';
import { messages, type Messages } from '../i18n';
import type { ImportIssue, ImportOutcome, ImportReport } from '../services/contactImport';
import { fileErrorMessage, importErrorFile, issueMessage } from '../services/contactMessages';
import { printJson, UsageError, withServices } from './common';

/** A file the import refused as a whole: exit 1, after the JSON (or nothing) on stdout. */
class ImportRejected extends Error {}

interface IssueJson {
  line: number;
  column: string | null;
  code: string;
  message: string;
}

const issueJson = (m: Messages) => (issue: ImportIssue): IssueJson => ({
  line: issue.line,
  column: issue.column,
  code: issue.code,
  message: issueMessage(m, issue),
});

/** The CLI contract's shape, keys in this order. */
function reportJson(m: Messages, report: ImportReport) {
  const { dryRun, file, created, updated, unchanged, failed } = report;
  return { dryRun, file, created, updated, unchanged, failed, errors: report.errors.map(issueJson(m)), warnings: report.warnings.map(issueJson(m)) };
}

function reportLines(json: ReturnType<typeof reportJson>, fileName: string): string[] {
  const { file } = json;
  const delimiter = file.delimiter === '\t' ? 'tab' : `"${file.delimiter}"`;
  const where = (i: IssueJson) => `line ${i.line}${i.column ? `, ${i.column}` : ''}`;
  return [
    `${fileName}: ${file.format}, ${file.encoding}, delimiter ${delimiter}, ${file.rows} row(s)`,
    json.dryRun
      ? `Dry run, nothing written: would create ${json.created}, update ${json.updated}, leave ${json.unchanged} unchanged; ${json.failed} failed`
      : `Created ${json.created}, updated ${json.updated}, unchanged ${json.unchanged}, failed ${json.failed}`,
    ...json.errors.map((e) => `error: ${where(e)} [${e.code}] ${e.message}`),
    ...json.warnings.map((w) => `warning: ${where(w)} [${w.code}] ${w.message}`),
  ];
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

async function output(bytes: Buffer, out: string | undefined, json: boolean, what: object): Promise<void> {
  if (out === undefined) {
    process.stdout.write(bytes);
    return;
  }
  await writeFile(out, bytes);
  if (json) printJson({ ...what, out: path.resolve(out) });
  else process.stdout.write(`Wrote ${path.resolve(out)}\n`);
}

function printOutcome(m: Messages, outcome: ImportOutcome, fileName: string, json: boolean): void {
  if (!outcome.ok) {
    const message = fileErrorMessage(m, outcome.fileError.code, outcome.fileError.details);
    if (json) printJson({ dryRun: outcome.dryRun, fileError: { code: outcome.fileError.code, message } });
    throw new ImportRejected(message);
  }
  const report = reportJson(m, outcome.report);
  if (json) printJson(report);
  else process.stdout.write(reportLines(report, fileName).map((line) => `${line}\n`).join(''));
}

export function registerContactsCommands(program: Command): void {
  const contacts = program.command('contacts').description('import contacts from CSV or .xlsx, export them, get the template');

  contacts
    .command('import')
    .description('import a contacts file (Webex template or company-contacts format): valid rows are applied, failed rows reported')
    .argument('<file>', 'a .csv (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) or .xlsx file')
    .option('--dry-run', 'check the file and report what would change, without writing anything')
    .option('--errors-out <file>', 'write the failed rows with a Comments column to this CSV file (only when rows failed)')
    .action((file: string, opts: { dryRun?: boolean; errorsOut?: string }, command: Command) =>
      withServices(async ({ contacts }, ctx) => {
        const json = command.optsWithGlobals().json === true;
        const m = messages(loadConfig(process.env).defaultLocale);
        const bytes = await readInput(file);
        const outcome = await contacts.importFile({ bytes, fileName: path.basename(file), dryRun: opts.dryRun === true }, ctx);
        const errorFile = outcome.ok ? importErrorFile(m, outcome.failed) : undefined;
        if (opts.errorsOut !== undefined && errorFile) await writeFile(opts.errorsOut, errorFile);
        printOutcome(m, outcome, file, json);
      }),
    );

  contacts
    .command('export')
    .description('every contact in the Webex template (with its Contact UUID), UTF-8 CSV; to stdout unless --out')
    .option('--out <file>', 'write the CSV to this file')
    .action((opts: { out?: string }, command: Command) =>
      withServices(async ({ contacts }) => {
        const exported = await contacts.exportCsv();
        await output(exported.csv, opts.out, command.optsWithGlobals().json === true, { contacts: exported.contacts });
      }),
    );

  contacts
    .command('template')
    .description('the Webex contacts template (its header row), UTF-8 CSV; to stdout unless --out')
    .option('--out <file>', 'write the CSV to this file')
    // No directory needed: the template is the same for every org.
    .action((opts: { out?: string }, command: Command) =>
      output(templateCsv(), opts.out, command.optsWithGlobals().json === true, { columns: TEMPLATE_HEADER.length }),
    );
}
