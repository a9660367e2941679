import { buildErrorFile } from '../csv/errorFile';
import { WEBEX_CONTACTS } from '../csv/formats';
import type { FileErrorCode } from '../csv/fileError';
import type { IssueDetails, RowIssueCode } from '../domain/contactIssues';
import type { EditableField } from '../domain/contactInput';
import type { RowIssue } from '../domain/contactRules';
import type { ImportKind } from '../domain/types';
import type { Messages } from '../i18n';
import type { FailedRecords, ImportIssue } from './pipeline';

type Describe = (details: IssueDetails) => string;

/** Why the whole file was refused, and that nothing was imported; a users file is told about users, not contacts. */
export function fileErrorMessage(m: Messages, code: FileErrorCode, details: IssueDetails, kind: ImportKind = 'contacts'): string {
  const describe: Partial<Record<FileErrorCode, Describe>> = kind === 'users' ? { ...m.import.file, ...m.userImport.file } : m.import.file;
  return `${describe[code]!(details)} ${m.import.nothingImported}`;
}

export function issueMessage(m: Messages, issue: Pick<ImportIssue, 'code' | 'details'>): string {
  const describe: Record<RowIssueCode, Describe> = { ...m.import.row, ...m.userImport.row };
  return describe[issue.code](issue.details);
}

/** A rule broken by a contact typed by hand: the field named as the person reads it. */
export function fieldIssueMessage(m: Messages, issue: RowIssue): string {
  const column = !issue.field
    ? ''
    : issue.field in m.contactEditing.fields
      ? m.contactEditing.fields[issue.field as EditableField]
      : (WEBEX_CONTACTS.columns.find((c) => c.field === issue.field)?.name ?? issue.field);
  return issueMessage(m, { code: issue.code, details: { ...issue.details, column } });
}

/** The failed rows as uploaded plus a Comments column in the reader's language; undefined when no row failed. */
export function importErrorFile(m: Messages, failed: FailedRecords): Buffer | undefined {
  if (!failed.rows.length) return undefined;
  return buildErrorFile(
    failed.rows.map(({ cells, errors }) => ({ cells, reasons: errors.map((e) => issueMessage(m, e)) })),
    { header: failed.header, delimiter: failed.delimiter, commentsIndex: failed.commentsIndex, commentsTitle: m.import.commentsColumn },
  );
}
