import { stringify } from 'csv-stringify/sync';
import type { Delimiter } from './delimiter';
import { neutraliseCell } from './safeCell';

/**
 * A CSV file as Excel opens it right: UTF-8 with BOM, CRLF, every cell safe
 * from formula injection. A value holding a line break of its own (a bare LF
 * from Alt+Enter in Excel) is quoted too: with CRLF records, csv-stringify
 * otherwise quotes only values holding a whole CRLF.
 */
export function writeCsv(rows: string[][], delimiter: Delimiter = ','): Buffer {
  const safe = rows.map((row) => row.map(neutraliseCell));
  return Buffer.from(stringify(safe, { delimiter, record_delimiter: 'windows', quote_record_delimiter: true, bom: true }), 'utf8');
}
