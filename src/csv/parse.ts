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

/**
 * The line where each record csv-parse will emit starts: the first line of
 * each record that is not an empty line. csv-parse's own `info.lines` is the
 * line where a record ends and counts a CRLF inside quotes twice, and asking
 * it for per-record info costs more than this one pass. Toggling on every
 * quote is enough: in a file csv-parse accepts, a quote opens or closes a
 * quoted field, or is half of an escaped "".
 */
function recordStartLines(bytes: Uint8Array): number[] {
  const starts: number[] = [];
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
      if (byte === CR && bytes[i + 1] === LF) i++;
      line++;
      if (!quoted) recordStart = true;
    }
  }
  return starts;
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

/** Text → records with their line numbers; blank lines are skipped, a quoting mistake is a file error. */
export function parseCsv(text: string, delimiter: Delimiter): CsvRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  const starts = recordStartLines(bytes);
  let rows: string[][];
  try {
    rows = parse(bytes, { delimiter, record_delimiter: ['\r\n', '\n', '\r'], skip_empty_lines: true, relax_column_count: true });
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
