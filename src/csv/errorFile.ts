import type { Delimiter } from './delimiter';
import { writeCsv } from './write';

export interface FailedRow {
  /** The row's cells as uploaded. */
  cells: string[];
  reasons: string[];
}

export interface ErrorFileLayout {
  header: string[];
  delimiter: Delimiter;
  /** An uploaded Comments column (from an earlier error file), replaced by the new one. */
  commentsIndex?: number;
  commentsTitle: string;
}

/**
 * The failed rows with the same columns as the upload plus a Comments column,
 * so that the file can be fixed and imported as it is.
 */
export function buildErrorFile(rows: FailedRow[], layout: ErrorFileLayout): Buffer {
  const keep = (cells: string[]) => cells.filter((_, index) => index !== layout.commentsIndex);
  const header = keep(layout.header);
  const width = header.length;
  const lines = rows.map(({ cells, reasons }) => {
    const kept = keep(cells);
    const padded = [...kept.slice(0, width), ...Array<string>(Math.max(0, width - kept.length)).fill('')];
    // Extra cells (a value split by an unquoted delimiter) stay after the comment, for the person to merge back.
    return [...padded, reasons.join(' | '), ...kept.slice(width)];
  });
  return writeCsv([[...header, layout.commentsTitle], ...lines], layout.delimiter);
}
