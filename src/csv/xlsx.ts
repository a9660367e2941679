import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { CsvFileError, type FileErrorCode } from './fileError';
import type { CsvRecord } from './parse';
import type { TableLimits } from './limits';
import { unzipXlsx, type UnzipLimits } from './xlsxZip';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return ZIP_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

type Cell = string | number | boolean | Date | null | undefined;

function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  // A number cell gives the digits Excel holds: 33612345678, not the 3.36123E+10 it shows.
  if (typeof cell === 'number') return Number.isInteger(cell) && Math.abs(cell) < 1e21 ? cell.toFixed(0) : String(cell);
  return String(cell);
}

/** What an .xlsx may hold, beyond the import limits it is read with. */
export interface XlsxLimits extends UnzipLimits, Pick<TableLimits, 'maxRows'> {
  /** The last row a value may be on: blank rows are skipped, so some way past the rows limit. */
  maxRowNumber: number;
}

/**
 * The caps of an .xlsx from the import limits (#27: a 52 KB file unzipped to a
 * 50 MB sheet). IMPORT_MAX_ROWS contacts of the Webex template's 28 columns,
 * varied values, make a 4.9 MB file whose sheet unzips to 26 MB (inline
 * strings; Excel's shared strings make it smaller): 8 times IMPORT_MAX_BYTES
 * a part (40 MB by default) keeps room for longer values, 10 times in all.
 */
export function xlsxLimits({ maxBytes, maxRows }: TableLimits): XlsxLimits {
  return { maxPartBytes: 8 * maxBytes, maxTotalBytes: 10 * maxBytes, maxParts: 1_000, maxRows, maxRowNumber: 2 * maxRows + 1 };
}

// Only the compiled build has the worker's .js (tests run the TypeScript sources: they read inline).
const WORKER_FILE = path.join(__dirname, 'xlsxWorker.js');
/** The worker's heap: far above what the caps let a sheet take, so that only something unforeseen reaches it. */
const WORKER_HEAP_MB = 1024;

/** The answer of xlsxWorker. */
export type XlsxAnswer = { records: CsvRecord[] } | { error: { code: FileErrorCode; details: Record<string, string | number> } };

/**
 * The first sheet of an .xlsx file as records; the sheet's row number is the
 * line. Read on a worker thread (a big sheet takes a second or more), so that
 * other conversations go on meanwhile.
 */
export function readXlsx(bytes: Uint8Array, limits: TableLimits): Promise<CsvRecord[]> {
  if (!existsSync(WORKER_FILE)) return readXlsxHere(bytes, xlsxLimits(limits));
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: { bytes, limits: xlsxLimits(limits) }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.once('message', (answer: XlsxAnswer) =>
      'records' in answer ? resolve(answer.records) : reject(new CsvFileError(answer.error.code, answer.error.details)),
    );
    // Out of memory or crashed: a no-op once it has answered.
    worker.once('error', () => reject(new CsvFileError('unreadable_xlsx')));
    worker.once('exit', () => reject(new CsvFileError('unreadable_xlsx')));
  });
}

/** readXlsx on this thread. */
export async function readXlsxHere(bytes: Uint8Array, limits: XlsxLimits): Promise<CsvRecord[]> {
  let rows: Cell[][];
  try {
    rows = await parseSheet(undefined, parseXmlWithin(limits), await unzipXlsx(bytes, limits), 1, {});
  } catch (error) {
    throw error instanceof CsvFileError ? error : new CsvFileError('unreadable_xlsx');
  }
  const records: CsvRecord[] = [];
  rows.forEach((row, index) => {
    const cells = row.map(cellText);
    if (cells.some((cell) => cell.trim() !== '')) records.push({ line: index + 1, cells });
  });
  return records;
}

// read-excel-file's readSheet unzips with no cap, then parses in chunks that it halves while they are slow:
// a 2 MB cell or run of spaces took over a minute, then overflowed the stack (#27). Its sheet parser (the
// version is pinned) is given the parts unzipped within the caps, and an XML reader that takes each in one go.
type OnOpenTag = (name: string, attributes: Record<string, string>, state: unknown) => void;
type ParseXml = (xml: string, state: unknown, onOpenTag?: OnOpenTag, onCloseTag?: unknown, onText?: unknown, onProgress?: (end: boolean) => void) => Promise<void>;
type XmlParser = { write(xml: string): void; end(): void; promise: Promise<void> };
const LIBRARY = path.dirname(require.resolve('read-excel-file/package.json'));
const parseSheet: (worker: undefined, parseXml: ParseXml, contents: Record<string, Uint8Array>, sheet: number, options: object) => Promise<Cell[][]> =
  require(path.join(LIBRARY, 'commonjs/export/parseSheet.js')).default;
const parseXmlStream: (state: unknown, onOpenTag: OnOpenTag, onCloseTag: unknown, onText: unknown) => XmlParser =
  require(path.join(LIBRARY, 'commonjs/xml/parseXmlStream.js')).default;

/** Excel's own grid: no sheet goes further. */
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;
/** Columns read (A to IV, a whole Excel 2003 sheet); an import file has a few dozen. */
const MAX_COLUMNS = 256;

/** [row, column] of a cell reference, as read-excel-file reads it: "AB12" → [12, 28]. */
function cellAddress(ref = ''): [number, number] {
  let column = 0;
  let i = 0;
  for (; i < ref.length && !(ref[i] >= '0' && ref[i] <= '9'); i++) column = column * 26 + ref.charCodeAt(i) - 64;
  return [Number(ref.slice(i)), column];
}

/**
 * A part parsed in one go, that stops at a value beyond the limits:
 * read-excel-file fills every row up to the farthest value with empty cells
 * (one value in XFD20000 made 330 million of them).
 */
function parseXmlWithin(limits: XlsxLimits): ParseXml {
  return (xml, state, onOpenTag, onCloseTag, onText, onProgress) => {
    let ref = '';
    const open: OnOpenTag = (name, attributes, tagState) => {
      if (name === 'row' && !(Number(attributes.r ?? 0) <= EXCEL_ROWS)) throw new CsvFileError('unreadable_xlsx');
      if (name === 'c') {
        ref = attributes.r ?? '';
        const [row, column] = cellAddress(ref);
        if (!(row <= EXCEL_ROWS && column <= EXCEL_COLUMNS)) throw new CsvFileError('unreadable_xlsx');
      } else if (ref && (name === 'v' || name === 'is')) {
        const [row, column] = cellAddress(ref);
        if (row > limits.maxRowNumber) throw new CsvFileError('too_many_rows', { rows: row - 1, max: limits.maxRows });
        if (column > MAX_COLUMNS) throw new CsvFileError('xlsx_too_wide', { cell: ref, max: 'IV' });
      }
      onOpenTag?.(name, attributes, tagState);
    };
    const parser = parseXmlStream(state, open, onCloseTag, onText);
    parser.write(xml);
    parser.end();
    onProgress?.(true);
    return parser.promise;
  };
}
