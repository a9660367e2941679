import { decodeText, type TextEncoding } from './decode';
import { detectDelimiter, type Delimiter } from './delimiter';
import { CsvFileError } from './fileError';
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

export interface TableLimits {
  maxRows: number;
  maxBytes: number;
}

/** The file's own bytes when they already are the text in UTF-8: parsing them saves encoding the text again. */
function utf8BytesOf(bytes: Uint8Array, encoding: TextEncoding): Uint8Array | undefined {
  if (encoding === 'utf-8') return bytes;
  return encoding === 'utf-8-bom' ? bytes.subarray(3) : undefined;
}

/** Bytes of a CSV or .xlsx file → header and data rows; throws CsvFileError when the file cannot be imported. */
export async function readTable(bytes: Uint8Array, limits: TableLimits): Promise<Table> {
  if (bytes.length === 0) throw new CsvFileError('empty_file');
  if (bytes.length > limits.maxBytes) throw new CsvFileError('too_large', { size: bytes.length, max: limits.maxBytes });
  let records: CsvRecord[];
  let encoding: string;
  let delimiter: Delimiter;
  if (looksLikeXlsx(bytes)) {
    records = await readXlsx(bytes);
    encoding = 'xlsx';
    delimiter = ',';
  } else {
    const decoded = decodeText(bytes);
    delimiter = detectDelimiter(decoded.text);
    records = parseCsv(utf8BytesOf(bytes, decoded.encoding) ?? decoded.text, delimiter);
    encoding = decoded.encoding;
  }
  const [header, ...rows] = records;
  if (!header) throw new CsvFileError('empty_file');
  if (rows.length === 0) throw new CsvFileError('header_only');
  if (rows.length > limits.maxRows) throw new CsvFileError('too_many_rows', { rows: rows.length, max: limits.maxRows });
  return { encoding, delimiter, header, rows };
}
