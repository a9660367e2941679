import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Directory } from '../../src/directory/directory';
import { openLowdbDirectory } from '../../src/directory/lowdb/lowdbDirectory';
import type { WriteContext } from '../../src/domain/types';
import type { ImportOutcome, ImportReport } from '../../src/imports/contacts';
import { ContactService } from '../../src/services/contactService';

const SHARED_CSV = path.join(__dirname, '../../../shared/fixtures/csv');
const OWN_CSV = path.join(__dirname, '../fixtures/csv');
export const CTX: WriteContext = { actor: { id: 'admin-1', name: 'Alice Admin', role: 'admin' }, flow: 'test' };
export const LIMITS = { maxRows: 10_000, maxBytes: 5 * 1024 * 1024 };

export const sharedFile = (name: string) => fs.readFileSync(path.join(SHARED_CSV, name));
export const ownFile = (name: string) => fs.readFileSync(path.join(OWN_CSV, name));

export interface Harness {
  dir: string;
  directory: Directory;
  contacts: ContactService;
  run(file: string | Buffer, options?: { dryRun?: boolean; fileName?: string }): Promise<ImportOutcome>;
  /** Runs an import that must be processed, and returns its report. */
  report(file: string | Buffer, options?: { dryRun?: boolean }): Promise<ImportReport>;
  close(): Promise<void>;
}

/** A fresh sandbox directory in a temp folder, and the contacts service over it. */
export async function openHarness(limits = LIMITS): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'provisio-import-'));
  const directory = await openLowdbDirectory(dir);
  const contacts = new ContactService(directory, { region: 'FR', limits });
  const run: Harness['run'] = (file, options = {}) =>
    contacts.importFile({ bytes: typeof file === 'string' ? Buffer.from(file, 'utf8') : file, fileName: options.fileName ?? 'contacts.csv', dryRun: options.dryRun ?? false }, CTX);
  return {
    dir,
    directory,
    contacts,
    run,
    async report(file, options) {
      const outcome = await run(file, options);
      if (!outcome.ok) throw new Error(`file refused: ${outcome.fileError.code} ${JSON.stringify(outcome.fileError.details)}`);
      return outcome.report;
    },
    async close() {
      await directory.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Errors as [line, column, code], the shape most assertions need. */
export const errorsOf = (report: ImportReport) => report.errors.map((e) => [e.line, e.column, e.code]);
export const warningsOf = (report: ImportReport) => report.warnings.map((e) => [e.line, e.column, e.code]);

/** CSV text → rows, and back (for editing exported and error files as a person would). */
export const readRows = (csv: Buffer | string): string[][] => parse(csv, { bom: true, relax_column_count: true });
export const writeRows = (rows: string[][]): string => stringify(rows, { record_delimiter: 'windows', quote_record_delimiter: true });
