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

interface Layout {
  /** The line where each record csv-parse will emit starts. */
  starts: number[];
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
 * letting it try all three.
 */
function layoutOf(bytes: Uint8Array): Layout {
  const starts: number[] = [];
  const breaks = new Set<LineBreak>();
  let line = 1;
  let quoted = false;
  let recordStart = true;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    const isBreak = byte === LF || byte === CR;
    if (recordStart && !isBreak) {
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
  return { starts, recordDelimiter };
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/**
 * Text (or the same text as UTF-8 bytes) → records with their line numbers;
 * blank lines are skipped, a quoting mistake is a file error.
 */
export function parseCsv(input: string | Uint8Array, delimiter: Delimiter): CsvRecord[] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const { starts, recordDelimiter } = layoutOf(bytes);
  let rows: string[][];
  try {
    rows = parse(bytes, { delimiter, record_delimiter: recordDelimiter, skip_empty_lines: true, relax_column_count: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // `records` is how many records came out before the faulty one.
    const records = Number((error as CsvError & { records?: number }).records);
    throw new CsvFileError('malformed_csv', { line: starts[records] ?? starts.at(-1) ?? 1 });
  }
  const records: CsvRecord[] = [];
  rows.forEach((cells, i) => {
    if (!isBlank(cells)) records.push({ line: starts[i], cells });
  });
  return records;
}
