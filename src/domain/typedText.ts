import { RuleError } from './ruleError';

/** Longest value a person may give a field, typed or in a file (Control Hub's own limit for names and contact fields). */
export const MAX_VALUE_LENGTH = 255;

/** Control characters (C0, DEL, C1) and the bidi overrides and isolates that reorder what a terminal or a card shows. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** The same, but a line break or a tab is fine (a street address on two lines). */
const UNSAFE_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export interface UnsafeCharacter {
  /** 1-based, as a person counts. */
  position: number;
  /** U+001B */
  code: string;
}

/** The first character that must not be stored in a name (or, with `multiline`, in a free text), if any. */
export function unsafeCharacter(value: string, multiline = false): UnsafeCharacter | undefined {
  const match = (multiline ? UNSAFE_IN_TEXT : UNSAFE).exec(value);
  if (!match) return undefined;
  return { position: match.index + 1, code: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` };
}

/** Every such character made visible (\u001b), for a terminal or a log: nothing stored is ever printed raw. */
export function visibleControls(value: string): string {
  return value.replace(new RegExp(UNSAFE.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Fields that name someone or something: no line break, no tab. */
const NAME_FIELDS: ReadonlySet<string> = new Set(['displayName', 'firstName', 'lastName', 'companyName', 'name']);

export type ValueIssue =
  | { code: 'value_too_long'; details: { length: number; max: number } }
  | { code: 'unsafe_character'; details: { position: number; character: string } };

/** What is wrong with a value a person gave a field (typed or in a file): too long, or a character that must not be stored. */
export function valueIssue(field: string, value: string): ValueIssue | undefined {
  if (value.length > MAX_VALUE_LENGTH) return { code: 'value_too_long', details: { length: value.length, max: MAX_VALUE_LENGTH } };
  const unsafe = unsafeCharacter(value, !NAME_FIELDS.has(field));
  return unsafe ? { code: 'unsafe_character', details: { position: unsafe.position, character: unsafe.code } } : undefined;
}

/** A search longer than any value it could match is refused, naming the limit. */
export function refuseLongSearch(query: string): void {
  if (query.length > MAX_VALUE_LENGTH) throw new RuleError('value_too_long', { field: 'query', length: query.length, max: MAX_VALUE_LENGTH });
}

/** Longest part of a message the bot quotes back. */
const MAX_QUOTE = 60;

/** What the bot quotes of a message it did not understand: its first line, cut short, controls made visible. */
export function shortQuote(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0];
  const cut = line.length > MAX_QUOTE || text.trim().includes('\n');
  return visibleControls(line.slice(0, MAX_QUOTE)) + (cut ? '…' : '');
}
