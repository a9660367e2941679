/** An entry of zipOf: its content is head + fill × times + tail; declaredSize, when given, is what its headers say instead. */
export interface BombEntry {
  name: string;
  head?: string;
  fill?: string;
  times?: number;
  tail?: string;
  declaredSize?: number;
}
/** A zip of the entries, deflated without ever holding a whole one in memory. */
export function zipOf(entries: BombEntry[]): Buffer;
/** A one-sheet workbook whose sheet is `sheet` (its name is set), plus `extra` entries. */
export function workbookWith(sheet: Omit<BombEntry, 'name'>, extra?: BombEntry[]): Buffer;
/** The bombs (#27), by fixture name. */
export const BOMBS: Record<'bomb-spaces-50mb.xlsx' | 'bomb-cell-300mb.xlsx' | 'bomb-lying-size.xlsx' | 'bomb-far-cell.xlsx' | 'bomb-many-parts.xlsx', () => Buffer>;
/** A legitimate big workbook: the Webex template's 28 columns and `rows` contacts (10,000: about 4.9 MB). */
export function bigWorkbook(rows?: number): Buffer;
