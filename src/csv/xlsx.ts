import { readSheet } from 'read-excel-file/node';
import { CsvFileError } from './fileError';
import type { CsvRecord } from './parse';

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

/** The first sheet of an .xlsx file as records; the sheet's row number is the line. */
export async function readXlsx(bytes: Uint8Array): Promise<CsvRecord[]> {
  let rows: Cell[][];
  try {
    rows = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as Cell[][];
  } catch {
    throw new CsvFileError('unreadable_xlsx');
  }
  const records: CsvRecord[] = [];
  rows.forEach((row, index) => {
    const cells = row.map(cellText);
    if (cells.some((cell) => cell.trim() !== '')) records.push({ line: index + 1, cells });
  });
  return records;
}
