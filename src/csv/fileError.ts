/** Why a whole file is refused; nothing of it is applied. Messages come from the catalogues. */
export type FileErrorCode =
  | 'empty_file'
  | 'header_only'
  | 'not_text'
  | 'unreadable_xlsx'
  /** An .xlsx over its caps once unzipped (src/csv/xlsx.ts xlsxLimits). */
  | 'xlsx_too_large'
  | 'xlsx_too_many_parts'
  | 'xlsx_too_wide'
  | 'too_large'
  | 'too_many_rows'
  | 'malformed_csv'
  | 'unknown_header'
  | 'missing_column'
  | 'duplicate_column'
  /** A contacts file sent to the users import. */
  | 'contacts_file'
  /** A users file sent to the contacts import. */
  | 'users_file';

export class CsvFileError extends Error {
  constructor(
    readonly code: FileErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'CsvFileError';
  }
}
