import { CsvError, Parser } from 'csv-parse';
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
  /** The bytes where slices of about SLICE_BYTES begin, each at the start of a record. */
  slices: number[];
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
  const slices = [0];
  const breaks = new Set<LineBreak>();
  let line = 1;
  let quoted = false;
  let recordStart = true;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    // Most bytes are text: above the quote, they are neither a quote nor a line break, and only a record's first byte counts.
    if (byte > QUOTE && !recordStart) continue;
    const isBreak = byte === LF || byte === CR;
    if (recordStart && !isBreak) {
      if (i - slices[slices.length - 1] >= SLICE_BYTES) slices.push(i);
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
 * The parser of the last file read, kept on purpose. csv-parse builds every
 * parser's methods as closures of their own, and V8 keeps optimised code
 * only while a function using it is alive: once the parsers of earlier
 * files were collected, a major garbage collection threw their code away,
 * and the next file was parsed slower while it was optimised again: right
 * after a major GC, a 10,000-row import took 175–200 ms instead of 125–145,
 * and 145–165 ms with the last parser kept. One parser per file, rather than
 * one per slice, also leaves V8 one parser's code to optimise.
 */
const kept: { parser?: Parser } = {};

/**
 * Text (or the same text as UTF-8 bytes) → records with their line numbers;
 * blank lines are skipped, a quoting mistake is a file error. `onRecord` sees
 * each record as soon as its slice of the file is parsed.
 */
export function parseCsv(input: string | Uint8Array, delimiter: Delimiter, onRecord?: (record: CsvRecord) => void): CsvRecord[] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const { starts, slices, recordDelimiter } = layoutOf(bytes);
  const parser = new Parser({ delimiter, record_delimiter: recordDelimiter, skip_empty_lines: true, relax_column_count: true });
  kept.parser = parser;
  // A parse error is read from parser.errored, where the stream puts it as soon as it happens.
  parser.on('error', () => undefined);
  const records: CsvRecord[] = [];
  let parsed = 0;
  /** Hands over the records parsed so far; throws the parse error, if any. */
  const take = () => {
    const error = parser.errored;
    if (error) {
      if (!(error instanceof CsvError)) throw error;
      // `records` is how many records came out before the faulty one.
      throw new CsvFileError('malformed_csv', { line: starts[Number(error.records)] ?? starts.at(-1) ?? 1 });
    }
    for (let cells: string[] | null = parser.read(); cells !== null; cells = parser.read()) {
      const line = starts[parsed++];
      if (isBlank(cells)) continue;
      const record = { line, cells };
      records.push(record);
      onRecord?.(record);
    }
  };
  slices.forEach((byte, i) => {
    parser.write(bytes.subarray(byte, slices[i + 1]));
    take();
  });
  parser.end();
  take();
  return records;
}
