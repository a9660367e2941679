import { stringify } from 'csv-stringify/sync';
import type { Delimiter } from './delimiter';
import { neutraliseCell } from './safeCell';

/** A CSV file as Excel opens it right: UTF-8 with BOM, CRLF, every cell safe from formula injection. */
export function writeCsv(rows: string[][], delimiter: Delimiter = ','): Buffer {
  const safe = rows.map((row) => row.map(neutraliseCell));
  return Buffer.from(stringify(safe, { delimiter, record_delimiter: 'windows', bom: true }), 'utf8');
}
