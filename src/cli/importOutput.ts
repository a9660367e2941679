import { constants } from 'node:fs';
import { access, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportKind } from '../domain/types';
import type { Messages } from '../i18n';
import type { ImportIssue, ImportOutcome, ImportReport } from '../imports/pipeline';
import { fileErrorMessage, importErrorFile, issueMessage } from '../imports/report';
import { cliMessages, printJson, UsageError, writeOut } from './common';

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
function reportJson(m: Messages, report: ImportReport & { mode?: string }) {
  const { dryRun, file, created, updated, unchanged, failed } = report;
  // A users import also says which mode it ran in.
  const mode = report.mode === undefined ? {} : { mode: report.mode };
  return { dryRun, ...mode, file, created, updated, unchanged, failed, errors: report.errors.map(issueJson(m)), warnings: report.warnings.map(issueJson(m)) };
}

function reportLines(m: Messages, json: ReturnType<typeof reportJson>, fileName: string): string[] {
  const { file } = json;
  const issue = (kind: 'error' | 'warning') => (i: IssueJson) => m.cli.issue(kind, i.line, i.column, i.code, i.message);
  return [
    m.cli.importFile(fileName, file.format, file.encoding, file.delimiter, file.rows),
    json.dryRun ? m.cli.importDryRun(json) : m.cli.importDone(json),
    ...json.errors.map(issue('error')),
    ...json.warnings.map(issue('warning')),
  ];
}

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${errnoText(error)}.`);
  }
}

export async function output(bytes: Buffer, out: string | undefined, json: boolean, what: object): Promise<void> {
  if (out === undefined) {
    process.stdout.write(bytes);
    return;
  }
  await writeFile(out, bytes);
  if (json) printJson({ ...what, out: path.resolve(out) });
  else writeOut(`${cliMessages().cli.wrote(path.resolve(out))}\n`);
}

function printOutcome(m: Messages, outcome: ImportOutcome, fileName: string, json: boolean, kind: ImportKind = 'contacts'): void {
  if (!outcome.ok) {
    const message = fileErrorMessage(m, outcome.fileError.code, outcome.fileError.details, kind);
    if (json) printJson({ dryRun: outcome.dryRun, fileError: { code: outcome.fileError.code, message } });
    throw new ImportRejected(message);
  }
  const report = reportJson(m, outcome.report);
  if (json) printJson(report);
  else writeOut(reportLines(m, report, fileName).map((line) => `${line}\n`).join(''));
}

/**
 * `import <file>`: reads it, imports it, prints the outcome (exit 1 for a
 * refused file) and writes --errors-out when rows failed. When none failed,
 * an error file already there (an earlier import's, fixed since) is removed:
 * left in place, it would say rows failed that now passed.
 */
export async function importAndReport(
  m: Messages,
  file: string,
  opts: { dryRun?: boolean; errorsOut?: string },
  json: boolean,
  importFile: (input: { bytes: Buffer; fileName: string; dryRun: boolean }) => Promise<ImportOutcome>,
  kind?: ImportKind,
): Promise<void> {
  const bytes = await readInput(file);
  if (opts.errorsOut !== undefined) await checkWritable(opts.errorsOut);
  const outcome = await importFile({ bytes, fileName: path.basename(file), dryRun: opts.dryRun === true });
  printOutcome(m, outcome, file, json, kind);
  const errorFile = outcome.ok ? importErrorFile(m, outcome.failed) : undefined;
  if (opts.errorsOut === undefined) return;
  if (!errorFile) {
    const removed = await rm(opts.errorsOut).then(
      () => true,
      () => false,
    );
    if (removed && !json) writeOut(`${m.cli.staleErrorFileRemoved(opts.errorsOut)}\n`);
    return;
  }
  try {
    await writeFile(opts.errorsOut, errorFile);
  } catch (error) {
    throw new Error(m.cli.errorFileNotWritten(opts.errorsOut, errnoText(error)));
  }
}

/**
 * --errors-out is checked before anything is imported: an import whose
 * report came without its error file would have the admin import again.
 */
async function checkWritable(file: string): Promise<void> {
  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`--errors-out ${file} is a folder: give a file name. Nothing was imported.`);
  try {
    await access(existing ? file : path.dirname(path.resolve(file)), constants.W_OK);
  } catch (error) {
    throw new UsageError(`Cannot write --errors-out ${file}: ${errnoText(error)}. Nothing was imported.`);
  }
}

const errnoText = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;
