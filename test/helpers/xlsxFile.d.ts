/** A minimal zip (deflate) of the given files. */
export function zip(files: Record<string, string>): Buffer;
/** An .xlsx workbook whose sheets hold the given rows (strings as inline strings, numbers as numbers). */
export function xlsxFile(...sheets: (string | number | null)[][][]): Buffer;
