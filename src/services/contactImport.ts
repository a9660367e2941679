import type { Directory } from '../directory/directory';
import type { FieldKey, RowValues } from '../domain/contactFields';
import type { IssueDetails, RowIssueCode } from '../domain/contactIssues';
import { checkContactRow, type RowCheck, type RowIssue, type RowRules } from '../domain/contactRules';
import type { ImportCounts, ImportJob, WriteContext } from '../domain/types';
import type { Delimiter } from '../csv/delimiter';
import { CsvFileError, type FileErrorCode } from '../csv/fileError';
import { mapHeader, type FormatId, type HeaderMap } from '../csv/formats';
import type { CsvRecord } from '../csv/parse';
import { readTable, type Table, type TableLimits } from '../csv/read';
import { restoreCell } from '../csv/safeCell';
import { ContactPlanner, type IdentityKind } from './contactPlan';

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
  file: { format: FormatId; encoding: string; delimiter: string; rows: number };
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

export type ImportOutcome =
  | { ok: true; report: ImportReport; failed: FailedRecords; job?: ImportJob }
  | { ok: false; dryRun: boolean; fileError: { code: FileErrorCode; details: IssueDetails }; job?: ImportJob };

export interface ImportRequest {
  bytes: Uint8Array;
  fileName: string;
  dryRun: boolean;
}

export interface ImportOptions {
  region: string;
  limits: TableLimits;
  now?: () => Date;
}

/**
 * decode → detect → map → validate → plan → apply. Valid rows are applied in
 * one write, failed rows reported; a dry run writes nothing (not even the job).
 */
export async function importContacts(
  directory: Directory,
  request: ImportRequest,
  ctx: WriteContext,
  options: ImportOptions,
): Promise<ImportOutcome> {
  const now = options.now ?? (() => new Date());
  const { dryRun } = request;
  const job = dryRun ? undefined : await directory.createImportJob({ kind: 'contacts', by: ctx.actor.name, fileName: request.fileName });
  const fail = async () => job && directory.updateImportJob(job.id, { status: 'failed', endedAt: now().toISOString() });
  try {
    let table: Table;
    let header: HeaderMap;
    try {
      table = await readTable(request.bytes, options.limits);
      header = mapHeader(table.header.cells);
    } catch (error) {
      if (!(error instanceof CsvFileError)) throw error;
      const ended = await fail();
      return { ok: false, dryRun, fileError: { code: error.code, details: error.details }, job: ended };
    }
    const checked = checkRows(table, header, options.region);
    const [contacts, lists] = await Promise.all([directory.listContacts(), directory.listDistributionLists()]);
    const drafts = checked.map((row) => row.draft).filter((draft) => draft !== undefined);
    const result = planRows(table, header, checked, new ContactPlanner(contacts, lists, header.fields, drafts));
    const { changes } = result.planner;
    const { created, updated, unchanged, failed } = result.report;
    const counts = { created, updated, unchanged, failed };
    const ended = job && (await directory.applyContactChanges(changes, ctx, { jobId: job.id, counts })).job;
    return { ok: true, report: { ...result.report, dryRun }, failed: result.failed, job: ended };
  } catch (error) {
    await fail().catch(() => undefined);
    throw error;
  }
}

interface CheckedRow extends RowCheck {
  record: CsvRecord;
}

/** The field rules, row by row; a row with values beyond the header is not matched. */
function checkRows(table: Table, header: HeaderMap, region: string): CheckedRow[] {
  const rules: RowRules = {
    region,
    contactMethod: header.format.id === 'company-contacts' ? 'workPhoneOrEmail' : 'any',
    fixedPhoneTypes: header.format.fixedPhoneTypes,
  };
  const indexOf = Object.fromEntries([...header.fieldAt].map(([index, field]) => [field, index]));
  return table.rows.map((record) => {
    const tooLong = tooLongOf(record, header);
    if (tooLong.length) return { record, errors: tooLong, warnings: [] };
    const check = checkContactRow(valuesOf(record, indexOf), rules);
    const overflow = overflowOf(record, header, table.delimiter);
    if (overflow) return { record, errors: [overflow, ...check.errors], warnings: check.warnings };
    return { record, draft: check.draft, errors: check.errors, warnings: check.warnings };
  });
}

function planRows(table: Table, header: HeaderMap, checked: CheckedRow[], planner: ContactPlanner) {
  const columnOf = new Map<FieldKey, string>([...header.fieldAt].map(([index, field]) => [field, header.names[index].trim()]));
  const issue = (line: number, { field, code, details }: RowIssue): ImportIssue => {
    const column = field ? (columnOf.get(field) ?? null) : null;
    return { line, column, code, details: { ...clipped(details), ...(column ? { column } : {}), ...identityDetails(details, columnOf) } };
  };
  const report: Omit<ImportReport, 'dryRun'> = {
    file: { format: header.format.id, encoding: table.encoding, delimiter: table.delimiter, rows: table.rows.length },
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
    warnings: header.unknownColumns.map((column) => ({ line: table.header.line, column, code: 'unknown_column', details: { column } })),
  };
  const failed: FailedRecords = { header: header.names, delimiter: table.delimiter, commentsIndex: header.commentsIndex, rows: [] };

  for (const { record, draft, errors: checkErrors, warnings } of checked) {
    const planned = draft ? planner.plan(record.line, draft) : undefined;
    if (warnings.length) report.warnings.push(...warnings.map((w) => issue(record.line, w)));
    if (planned && planned.outcome !== 'failed') {
      report[planned.outcome]++;
      continue;
    }
    const errors = (planned?.errors ?? checkErrors).map((e) => issue(record.line, e));
    report.failed++;
    report.errors.push(...errors);
    failed.rows.push({ cells: record.cells, errors });
  }
  return { report, failed, planner };
}

function valuesOf({ cells }: CsvRecord, indexOf: Partial<Record<FieldKey, number>>): RowValues {
  return (field) => {
    const index = indexOf[field];
    return index === undefined ? '' : restoreCell(cells[index] ?? '').trim();
  };
}

/** Longest value a contact field takes; a longer one is a row error, not a truncation. */
export const MAX_VALUE_LENGTH = 255;

function tooLongOf(record: CsvRecord, header: HeaderMap): RowIssue[] {
  const issues: RowIssue[] = [];
  for (const [index, field] of header.fieldAt) {
    const length = record.cells[index]?.trim().length ?? 0;
    if (length > MAX_VALUE_LENGTH) issues.push({ field, code: 'value_too_long', details: { length, max: MAX_VALUE_LENGTH } });
  }
  return issues;
}

/** Values beyond the header's last column: usually a value split by an unquoted delimiter. */
function overflowOf(record: CsvRecord, header: HeaderMap, delimiter: string): RowIssue | undefined {
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

/** duplicate_row names the columns that made both rows the same contact, as the file calls them. */
function identityDetails(details: IssueDetails, columnOf: Map<FieldKey, string>): IssueDetails {
  const kind = details.identity as IdentityKind | undefined;
  if (!kind) return {};
  const names: Record<IdentityKind, (string | undefined)[]> = {
    uuid: [columnOf.get('contactUuid')],
    email: [columnOf.get('email')],
    namePhone: [columnOf.get('displayName'), columnOf.get('phone1')],
  };
  return { identity: names[kind].filter(Boolean).join(' + ') };
}
