import { CsvFileError } from './fileError';

/** How a file's header maps to the fields of what it imports. */
export interface MappedHeader<Field extends string = string> {
  /** The format recognised, as reports name it. */
  format: string;
  /** The header cells as uploaded. */
  names: string[];
  fieldAt: Map<number, Field>;
  fields: ReadonlySet<Field>;
  /** Our own error file's last column: ignored, and left out of the next error file. */
  commentsIndex?: number;
  unknownColumns: string[];
}

const COMMENTS = new Set(['comments', 'commentaires']);

/** Header names are matched case- and space-insensitively. */
export function normalizeHeader(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, '').toLowerCase();
}

/**
 * Assigns each column to the field its name gives (`fieldOf` takes the
 * normalised name); the rest are unknown columns, except a last
 * Comments/Commentaires column (our error file's) and unnamed columns after
 * the last named one (a trailing delimiter, as in seed 004). A field named twice is a file error.
 */
export function mapColumns<Field extends string>(
  names: string[],
  fieldOf: (normalized: string) => Field | undefined,
): Omit<MappedHeader<Field>, 'format'> {
  const normalized = names.map(normalizeHeader);
  const fieldAt = new Map<number, Field>();
  const unknownColumns: string[] = [];
  const named = normalized.flatMap((name, index) => (name ? [index] : []));
  const commentsIndex = named.length && COMMENTS.has(normalized[named.at(-1)!]) ? named.at(-1) : undefined;
  const lastColumn = (commentsIndex === undefined ? named.at(-1) : named.at(-2)) ?? -1;
  normalized.forEach((name, index) => {
    const field = fieldOf(name);
    if (field) {
      if ([...fieldAt.values()].includes(field)) throw new CsvFileError('duplicate_column', { column: names[index].trim() });
      fieldAt.set(index, field);
    } else if (index !== commentsIndex && index <= lastColumn) unknownColumns.push(names[index].trim() || `#${index + 1}`);
  });
  return { names, fieldAt, fields: new Set(fieldAt.values()), commentsIndex, unknownColumns };
}
