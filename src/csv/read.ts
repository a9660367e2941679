import { decodeText } from './decode';
import { detectDelimiter, type Delimiter } from './delimiter';
import { CsvFileError } from './fileError';
import type { TableLimits } from './limits';
import { parseCsv, type CsvRecord } from './parse';
import { looksLikeXlsx, readXlsx } from './xlsx';

/** A file read into records, with what was detected about it. */
export interface Table {
  encoding: string;
  /** The delimiter of a CSV file; a comma for .xlsx (it is also the error file's). */
  delimiter: Delimiter;
  header: CsvRecord;
  rows: CsvRecord[];
}

export type { TableLimits } from './limits';

/** Enough of the text to hold its header line, where the delimiter is detected. */
const HEAD_BYTES = 64 * 1024;

/**
 * Bytes of a CSV or .xlsx file → header and data rows; throws CsvFileError
 * when the file cannot be imported. `onRecord` sees each record, the header
 * first, as soon as it is read.
 */
export async function readTable(bytes: Uint8Array, limits: TableLimits, onRecord?: (record: CsvRecord) => void): Promise<Table> {
  if (bytes.length === 0) throw new CsvFileError('empty_file');
  if (bytes.length > limits.maxBytes) throw new CsvFileError('too_large', { size: bytes.length, max: limits.maxBytes });
  let records: CsvRecord[];
  let encoding: string;
  let delimiter: Delimiter;
  if (looksLikeXlsx(bytes)) {
    records = await readXlsx(bytes, limits);
    if (onRecord) records.forEach(onRecord);
    encoding = 'xlsx';
    delimiter = ',';
  } else {
    const decoded = decodeText(bytes);
    delimiter = detectDelimiter(new TextDecoder().decode(decoded.utf8.subarray(0, HEAD_BYTES)));
    records = parseCsv(decoded.utf8, delimiter, onRecord);
    encoding = decoded.encoding;
  }
  const [header, ...rows] = records;
  if (!header) throw new CsvFileError('empty_file');
  if (rows.length === 0) throw new CsvFileError('header_only');
  if (rows.length > limits.maxRows) throw new CsvFileError('too_many_rows', { rows: rows.length, max: limits.maxRows });
  return { encoding, delimiter, header, rows };
}
