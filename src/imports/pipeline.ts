import type { Directory } from '../directory/directory';
import { NO_ISSUES, type IssueDetails, type RowIssueCode } from '../domain/contactIssues';
import type { ImportCounts, ImportJob, ImportKind, WriteContext } from '../domain/types';
import type { Delimiter } from '../csv/delimiter';
import { CsvFileError, type FileErrorCode } from '../csv/fileError';
import type { MappedHeader } from '../csv/mappedHeader';
import type { CsvRecord } from '../csv/parse';
import { readTable, type Table, type TableLimits } from '../csv/read';
import { restoreCell } from '../csv/safeCell';
import { MAX_VALUE_LENGTH, unsafeCharacter, valueIssue } from '../domain/typedText';
import { authorize } from '../directory/writeGuard';

/** What can be wrong with one row, on one of its fields (null: the row as a whole). */
export interface RowIssue<Field extends string = string> {
  field: Field | null;
  code: RowIssueCode;
  details: IssueDetails;
}

export interface RowCheck<Draft, Field extends string = string> {
  /** Set when the row passed the field rules. */
  draft?: Draft;
  errors: RowIssue<Field>[];
  warnings: RowIssue<Field>[];
}

export interface PlannedRow<Field extends string = string> {
  outcome: 'created' | 'updated' | 'unchanged' | 'failed';
  errors: RowIssue<Field>[];
  warnings?: RowIssue<Field>[];
}

export interface ImportIssue {
  /** Line in the file: the header is line 1; a record over several lines counts from its first. */
  line: number;
  /** The column's name as in the file, or null for the row as a whole. */
  column: string | null;
  code: RowIssueCode;
  details: IssueDetails;
}

export interface ImportReport extends ImportCounts {
  dryRun: boolean;
  file: { format: string; encoding: string; delimiter: string; rows: number };
  errors: ImportIssue[];
  warnings: ImportIssue[];
}

/** What the error file is built from: the failed records as uploaded, with their errors. */
export interface FailedRecords {
  header: string[];
  delimiter: Delimiter;
  commentsIndex?: number;
  rows: { cells: string[]; errors: ImportIssue[] }[];
}

export type ImportOutcome<Report extends ImportReport = ImportReport> =
  | { ok: true; report: Report; failed: FailedRecords; job?: ImportJob }
  | { ok: false; dryRun: boolean; fileError: { code: FileErrorCode; details: IssueDetails }; job?: ImportJob };

export type { MappedHeader };

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  dryRun: boolean;
  /** The preview this import confirms (recorded on its job: a click after a crash finds it interrupted). */
  importId?: string;
}

export interface ImportOptions {
  region: string;
  limits: TableLimits;
  now?: () => Date;
}

/** Matches the checked rows against the directory, row by row, then writes them all at once. */
export interface RowPlanner<Draft, Field extends string = string> {
  plan(line: number, draft: Draft): PlannedRow<Field>;
  /** Writes the planned changes in one write that also ends the job; says which rows the backend refused one by one. */
  apply(ctx: WriteContext, ending: { jobId: string; counts: ImportCounts }): Promise<AppliedRows>;
  /** Issue details naming columns (duplicate_row's identity), as the file calls them. */
  columnDetails?(details: IssueDetails, columnOf: (field: Field) => string | undefined): IssueDetails;
}

export interface RowPlannerAhead<Draft, Field extends string = string> extends RowPlanner<Draft, Field> {
  /** False for a row that must wait until every row is checked: this row and those after it are planned then. */
  canPlan(draft: Draft): boolean;
  /** Once every row is checked, with the drafts of the valid rows left to plan: they can all be planned then. */
  complete(drafts: Draft[]): Promise<void>;
}

/** A row the backend refused at write time (a Webex bulk request fails item by item), with its reason. */
export interface RejectedRow {
  line: number;
  message: string;
}

export interface AppliedRows {
  job?: ImportJob;
  rejected?: RejectedRow[];
}

/** One kind of import (contacts, users): its header, its field rules and its planner. */
export interface ImportSpec<Header extends MappedHeader<Field>, Draft, Field extends string = string> {
  kind: ImportKind;
  mapHeader(cells: string[]): Header;
  /** The field rules of one row (the index-th of the file, as the read-ahead saw them); `value(field)` is its trimmed cell, '' when absent. */
  checkRow(value: (field: Field) => string, header: Header, index: number): RowCheck<Draft, Field>;
  /**
   * Work on the rows that starts while the file is still being parsed (the
   * contacts import reads its numbers on a worker thread meanwhile); each
   * row is checked once its share of that work is done.
   */
  readAhead?(header: Header): RowReadAhead<Field>;
  planner(header: Header, drafts: Draft[]): Promise<RowPlanner<Draft, Field>>;
  /**
   * A planner that takes the rows as they are checked, while the last ones
   * still wait for their read-ahead work (the contacts import has matched
   * the UUIDs and e-mails of the file meanwhile); undefined when there is none.
   */
  planAhead?(header: Header): Promise<RowPlannerAhead<Draft, Field> | undefined>;
  /** Report fields of this kind (the users import's mode). */
  reportExtras?: Record<string, unknown>;
}

export interface RowReadAhead<Field extends string> {
  /** Each row, in order, as soon as it is parsed; `value(field)` is its trimmed cell, '' when absent. */
  row(value: (field: Field) => string): void;
  /** Once the file is read: how many of the first rows are ready to check, as the work comes back, up to all of them. */
  ready(): AsyncIterable<number>;
}

/** Longest value a field takes; a longer one is a row error, not a truncation. */
export { MAX_VALUE_LENGTH };

/**
 * decode → detect → map → validate → plan → apply, for any kind of import.
 * Valid rows are applied in one write, failed rows reported; a dry run writes
 * nothing (not even the job). One import runs at a time per org: the store's
 * createImportJob refuses a second one.
 */
export async function runImport<Header extends MappedHeader<Field>, Draft, Field extends string>(
  directory: Directory,
  request: ImportRequest,
  ctx: WriteContext,
  options: ImportOptions,
  spec: ImportSpec<Header, Draft, Field>,
): Promise<ImportOutcome> {
  const now = options.now ?? (() => new Date());
  const { dryRun } = request;
  // The job is written before the file is read: an import refused because another one is running is told at once,
  // and a process killed while reading leaves a running job, which the next start marks interrupted. (Written
  // meanwhile, it reached the disk only once the file was read: reading it does not let the event loop turn.)
  if (!dryRun) authorize(ctx, spec.kind === 'contacts' ? 'importContacts' : 'importUsers');
  const job = dryRun ? undefined : await directory.createImportJob({ kind: spec.kind, by: ctx.actor.name, fileName: request.fileName, importId: request.importId });
  const fail = () => job && directory.updateImportJob(job.id, { status: 'failed', endedAt: now().toISOString() });
  try {
    const reader = rowReader(spec, options.limits.maxRows);
    let table: Table;
    let mapped: MappedRows<Header, Field>;
    try {
      table = await readTable(request.bytes, options.limits, reader.onRecord);
      mapped = reader.mapped();
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      const ended = await fail();
      return { ok: false, dryRun, fileError: { code: error.code, details: error.details }, job: ended };
    }
    const { planner, planning } = await checkAndPlan(table, mapped, spec, reader);
    const { report, failed, outcomes } = planning;
    const { created, updated, unchanged } = report;
    const applied = job && (await planner.apply(ctx, { jobId: job.id, counts: { created, updated, unchanged, failed: report.failed } }));
    if (applied?.rejected?.length) {
      const take = plannedRows(table.rows, outcomes);
      for (const rejected of applied.rejected) markRejected(rejected, take(rejected.line), report, failed);
    }
    return { ok: true, report: { ...report, ...spec.reportExtras, dryRun }, failed, job: applied?.job };
  } catch (error) {
    await fail()?.catch(() => undefined);
    throw error;
  }
}

/** Each row's values, and how many of the first rows are ready to check as the read-ahead work comes back. */
interface RowsRead {
  rows: string[][];
  ready(): AsyncIterable<number>;
}

/**
 * Checks the rows and plans them, in file order. With a planner ahead, each
 * row is planned as soon as it is checked, up to the first one that must
 * wait until every row is checked; the rows left are planned then.
 */
async function checkAndPlan<Header extends MappedHeader<Field>, Draft, Field extends string>(
  table: Table,
  { header, values }: MappedRows<Header, Field>,
  spec: ImportSpec<Header, Draft, Field>,
  reader: RowsRead,
) {
  const ahead = await spec.planAhead?.(header);
  let planning = ahead && rowPlanning(table, header, ahead);
  const checked = await checkRows(table, header, spec, reader, values, (i, check) => {
    if (planning?.next !== i || (check.draft !== undefined && !ahead!.canPlan(check.draft))) return false;
    planning.plan(i, check);
    return true;
  });
  const left = checked.slice(planning?.next ?? 0) as RowCheck<Draft, Field>[];
  const drafts: Draft[] = [];
  for (const row of left) if (row.draft !== undefined) drafts.push(row.draft);
  if (ahead) await ahead.complete(drafts);
  const planner = ahead ?? (await spec.planner(header, drafts));
  planning ??= rowPlanning(table, header, planner);
  for (const row of left) planning.plan(planning.next, row);
  return { planner, planning };
}

/** Where a row's values are: each mapped cell in header order, read by field. */
interface ValueLayout<Field extends string> {
  of(cells: string[]): string[];
  /** `value(field)` of one row: '' when the file has no such column. */
  reader(values: string[]): (field: Field) => string;
}

interface MappedRows<Header, Field extends string> {
  header: Header;
  values: ValueLayout<Field>;
}

/**
 * Each row's values in header order, each mapped cell read once however
 * often the rules ask for it: trimmed, and restored when we had neutralised
 * it as a formula. Every row stays in memory until the import ends, so a row
 * whose values are its cells as parsed (most rows of most files) keeps its
 * cells array rather than a copy of it.
 */
function valueLayout<Field extends string>(header: MappedHeader<Field>): ValueLayout<Field> {
  const columns = [...header.fieldAt.keys()];
  const sameLayout = columns.every((column, i) => column === i);
  const position = new Map([...header.fieldAt.values()].map((field, i) => [field, i]));
  const read = (cell: string | undefined) => restoreCell(cell ?? '').trim();
  return {
    of(cells: string[]): string[] {
      if (sameLayout && cells.length === columns.length && cells.every((cell) => read(cell) === cell)) return cells;
      return columns.map((index) => read(cells[index]));
    },
    reader: (values: string[]) => (field: Field) => values[position.get(field) ?? -1] ?? '',
  };
}

/**
 * Maps the header and reads each row's values as the parser hands the
 * records over (up to `maxRows`: a longer file is refused anyway), passing
 * them to the spec's read-ahead. The header's mapping error is thrown by
 * `mapped()`, after the table's own file errors.
 */
function rowReader<Header extends MappedHeader<Field>, Draft, Field extends string>(spec: ImportSpec<Header, Draft, Field>, maxRows: number) {
  let mapped: MappedRows<Header, Field> | { error: unknown } | undefined;
  const rows: string[][] = [];
  let readAhead: RowReadAhead<Field> | undefined;
  const onRecord = ({ cells }: CsvRecord) => {
    if (!mapped) {
      try {
        const header = spec.mapHeader(cells);
        mapped = { header, values: valueLayout(header) };
        readAhead = spec.readAhead?.(header);
      } catch (error) {
        mapped = { error };
      }
    } else if ('values' in mapped && rows.length < maxRows) {
      const values = mapped.values.of(cells);
      rows.push(values);
      readAhead?.row(mapped.values.reader(values));
    }
  };
  const mappedRows = (): MappedRows<Header, Field> => {
    if (!mapped) throw new CsvFileError('empty_file');
    if ('error' in mapped) throw mapped.error;
    return mapped;
  };
  return { onRecord, mapped: mappedRows, rows, ready: () => rowsReady(readAhead, rows) };
}

/**
 * The number of leading rows ready to check, as the read-ahead work comes
 * back; all of them when there is none. A module-level generator: each
 * generator function made per import gave its generators a map of their
 * own, and the code iterating them was deoptimised ("wrong map") and
 * optimised again at every import.
 */
async function* rowsReady<Field extends string>(readAhead: RowReadAhead<Field> | undefined, rows: readonly string[][]): AsyncGenerator<number, void> {
  if (readAhead) yield* readAhead.ready();
  yield rows.length;
}

/**
 * The field rules, row by row (the check of table.rows[i] at i), each row as
 * soon as it is ready; a row with values beyond the header is not matched.
 * A check `take` returns true for (the row is planned already) is not kept:
 * its draft can go as soon as the row is planned.
 */
async function checkRows<Header extends MappedHeader<Field>, Draft, Field extends string>(
  table: Table,
  header: Header,
  spec: ImportSpec<Header, Draft, Field>,
  reader: RowsRead,
  values: ValueLayout<Field>,
  take: (i: number, check: RowCheck<Draft, Field>) => boolean,
): Promise<(RowCheck<Draft, Field> | undefined)[]> {
  const { rows } = reader;
  const checked: (RowCheck<Draft, Field> | undefined)[] = [];
  const check = (record: CsvRecord, i: number): RowCheck<Draft, Field> => {
    const tooLong = valueIssuesOf(rows[i], header);
    if (tooLong.length) return { errors: tooLong, warnings: NO_ISSUES };
    const rowCheck = spec.checkRow(values.reader(rows[i]), header, i);
    const overflow = overflowOf(record, header, table.delimiter);
    if (overflow) return { errors: [overflow, ...rowCheck.errors], warnings: rowCheck.warnings };
    return rowCheck;
  };
  for await (const ready of reader.ready()) {
    for (let i = checked.length; i < ready; i++) {
      const rowCheck = check(table.rows[i], i);
      checked.push(take(i, rowCheck) ? undefined : rowCheck);
    }
  }
  return checked;
}

/** The report and the error file, built as the checked rows are planned one by one, in file order. */
function rowPlanning<Draft, Field extends string>(table: Table, header: MappedHeader<Field>, planner: RowPlanner<Draft, Field>) {
  const names = new Map<Field, string>([...header.fieldAt].map(([index, field]) => [field, header.names[index].trim()]));
  const columnOf = (field: Field) => names.get(field);
  const issue = (line: number, { field, code, details }: RowIssue<Field>): ImportIssue => {
    const column = field ? (names.get(field) ?? null) : null;
    const named = planner.columnDetails?.(details, columnOf) ?? {};
    return { line, column, code, details: { ...clipped(details), ...(column ? { column } : {}), ...named } };
  };
  const report: Omit<ImportReport, 'dryRun'> = {
    file: { format: header.format, encoding: table.encoding, delimiter: table.delimiter, rows: table.rows.length },
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
    warnings: header.unknownColumns.map((column) => ({ line: table.header.line, column, code: 'unknown_column', details: { column } })),
  };
  const failed: FailedRecords = { header: header.names, delimiter: table.delimiter, commentsIndex: header.commentsIndex, rows: [] };

  /** The outcome of each row that passed, at its index (kept in case the backend refuses it at write time). */
  const outcomes: (PassedOutcome | undefined)[] = [];
  const planning = {
    report,
    failed,
    outcomes,
    /** The next row to plan. */
    next: 0,
    plan(i: number, { draft, errors: checkErrors, warnings }: RowCheck<Draft, Field>): void {
      planning.next = i + 1;
      const record = table.rows[i];
      const planned = draft === undefined ? undefined : planner.plan(record.line, draft);
      const allWarnings = planned?.warnings?.length ? [...warnings, ...planned.warnings] : warnings;
      if (allWarnings.length) report.warnings.push(...allWarnings.map((w) => issue(record.line, w)));
      if (planned && planned.outcome !== 'failed') {
        report[planned.outcome]++;
        outcomes[i] = planned.outcome;
        return;
      }
      const errors = (planned?.errors ?? checkErrors).map((e) => issue(record.line, e));
      report.failed++;
      report.errors.push(...errors);
      failed.rows.push({ cells: record.cells, errors });
    },
  };
  return planning;
}

type PassedOutcome = 'created' | 'updated' | 'unchanged';

/** Gives, once, the record on `line` and its outcome when it passed. */
function plannedRows(rows: CsvRecord[], outcomes: (PassedOutcome | undefined)[]): (line: number) => { record: CsvRecord; outcome: PassedOutcome } | undefined {
  const indexAt = new Map(rows.map((record, i) => [record.line, i]));
  return (line) => {
    const i = indexAt.get(line);
    const outcome = i === undefined ? undefined : outcomes[i];
    if (i === undefined || outcome === undefined) return undefined;
    indexAt.delete(line);
    return { record: rows[i], outcome };
  };
}

/** A planned row the backend refused: counted and reported as failed, and put in the error file. */
function markRejected(
  { line, message }: RejectedRow,
  planned: { record: CsvRecord; outcome: PassedOutcome } | undefined,
  report: Omit<ImportReport, 'dryRun'>,
  failed: FailedRecords,
): void {
  if (!planned) return;
  report[planned.outcome]--;
  report.failed++;
  const error: ImportIssue = { line, column: null, code: 'backend_rejected', details: { message: clipped({ message }).message } };
  report.errors.push(error);
  report.errors.sort((a, b) => a.line - b.line);
  failed.rows.push({ cells: planned.record.cells, errors: [error] });
  failed.rows.sort((a, b) => (a.errors[0]?.line ?? 0) - (b.errors[0]?.line ?? 0));
}

/** Values too long, or holding a control character: the same rules as a typed value (valueIssue). */
function valueIssuesOf<Field extends string>(values: string[], header: MappedHeader<Field>): RowIssue<Field>[] {
  if (values.every((value) => value.length <= MAX_VALUE_LENGTH && !unsafeCharacter(value, true))) return NO_ISSUES;
  const fields = [...header.fieldAt.values()];
  return values.flatMap((value, i) => {
    const issue = valueIssue(fields[i], value);
    return issue ? [{ field: fields[i], ...issue }] : [];
  });
}

/** Values beyond the header's last column: usually a value split by an unquoted delimiter. */
function overflowOf(record: CsvRecord, header: MappedHeader, delimiter: string): RowIssue<never> | undefined {
  const width = header.names.length;
  let count = record.cells.length;
  while (count > width && record.cells[count - 1].trim() === '') count--;
  if (count <= width) return undefined;
  return { field: null, code: 'too_many_values', details: { count, expected: width, delimiter: delimiter === '\t' ? 'tab' : delimiter } };
}

/** Values quoted in a message stay short: a 1 MB cell is not repeated in the report and the error file. */
function clipped(details: IssueDetails): IssueDetails {
  const clip = (value: string | number) => (typeof value === 'string' && value.length > 80 ? `${value.slice(0, 77)}…` : value);
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, clip(value)]));
}
