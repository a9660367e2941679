import { CsvError, parse } from 'csv-parse/sync';
import type { Delimiter } from './delimiter';
import { CsvFileError } from './fileError';

/** One record of the file and the line where it starts (the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;

type LineBreak = '\r\n' | '\n' | '\r';

/** Bytes parsed at a time: records are handed over slice by slice, while the rest of the file is not parsed yet. */
const SLICE_BYTES = 64 * 1024;

interface Layout {
  /** The line where each record csv-parse will emit starts. */
  starts: number[];
  /** Where slices of about SLICE_BYTES begin: each at the start of a record (its byte, and its index in `starts`). */
  slices: { byte: number; record: number }[];
  /** The line breaks between records: one kind, or all three when the file mixes them. */
  recordDelimiter: LineBreak | LineBreak[];
}

/**
 * One pass over the bytes: the first line of each record that is not an
 * empty line, and which line breaks end records. csv-parse's own
 * `info.lines` is the line where a record ends and counts a CRLF inside
 * quotes twice, and asking it for per-record info costs more than this pass.
 * Toggling on every quote is enough: in a file csv-parse accepts, a quote
 * opens or closes a quoted field, or is half of an escaped "". Telling
 * csv-parse the one line break a file uses makes it a fifth faster than
 * letting it try all three. A slice that starts where a record does parses
 * on its own as it would inside the whole file.
 */
function layoutOf(bytes: Uint8Array): Layout {
  const starts: number[] = [];
  const slices = [{ byte: 0, record: 0 }];
  const breaks = new Set<LineBreak>();
  let line = 1;
  let quoted = false;
  let recordStart = true;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    const isBreak = byte === LF || byte === CR;
    if (recordStart && !isBreak) {
      if (i - slices[slices.length - 1].byte >= SLICE_BYTES) slices.push({ byte: i, record: starts.length });
      starts.push(line);
      recordStart = false;
    }
    if (byte === QUOTE) quoted = !quoted;
    else if (isBreak) {
      const crlf = byte === CR && bytes[i + 1] === LF;
      if (crlf) i++;
      if (!quoted) breaks.add(crlf ? '\r\n' : byte === CR ? '\r' : '\n');
      line++;
      if (!quoted) recordStart = true;
    }
  }
  const recordDelimiter = breaks.size > 1 ? ['\r\n', '\n', '\r'] satisfies LineBreak[] : ([...breaks][0] ?? '\n');
  return { starts, slices, recordDelimiter };
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Text (or the same text as UTF-8 bytes) → records with their line numbers;
 * blank lines are skipped, a quoting mistake is a file error. `onRecord` sees
 * each record as soon as its slice of the file is parsed.
 */
export function parseCsv(input: string | Uint8Array, delimiter: Delimiter, onRecord?: (record: CsvRecord) => void): CsvRecord[] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const { starts, slices, recordDelimiter } = layoutOf(bytes);
  const options = { delimiter, record_delimiter: recordDelimiter, skip_empty_lines: true, relax_column_count: true };
  const records: CsvRecord[] = [];
  slices.forEach(({ byte, record: first }, i) => {
    let rows: string[][];
    try {
      rows = parse(bytes.subarray(byte, slices[i + 1]?.byte), options);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      // `records` is how many records of the slice came out before the faulty one.
      const before = first + Number((error as CsvError & { records?: number }).records);
      throw new CsvFileError('malformed_csv', { line: starts[before] ?? starts.at(-1) ?? 1 });
    }
    rows.forEach((cells, j) => {
      if (isBlank(cells)) return;
      const record = { line: starts[first + j], cells };
      records.push(record);
      onRecord?.(record);
    });
  });
  return records;
}
