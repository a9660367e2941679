import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { IssueDetails, RowIssueCode } from './contactIssues';
import { PHONE_TYPES } from './contactFields';
import type { ContactPhoneType } from './types';

export type PhoneReading =
  | { value: string; warning?: { code: RowIssueCode; details: IssueDetails } }
  | { error: RowIssueCode; details: IssueDetails };

const SEPARATORS = /[\s.()-]/g;
// What Excel shows for a long number stored as a number: 3.36123E+10, or 3,36123E+10 in French.
const SCIENTIFIC = /^\d+(?:[.,]\d+)?E\+?\d+$/i;
const EXTENSION = /^\d{2,10}$/;

// Case, spaces, underscores and hyphens aside: "Work Extension" and "work-extension" are work_extension.
const typeKey = (text: string) => text.replace(/[\s_-]+/g, '').toLowerCase();
const TYPE_OF = new Map<string, ContactPhoneType>(PHONE_TYPES.map((type) => [typeKey(type), type]));

/** "Work", " MOBILE ", "work_extension" and "Work Extension" are read; anything else is undefined. */
export function readPhoneType(input: string): ContactPhoneType | undefined {
  // Most cells are written as the template writes them: no new string.
  return (PHONE_TYPES as readonly string[]).includes(input) ? (input as ContactPhoneType) : TYPE_OF.get(typeKey(input));
}

/**
 * A number cell as stored: E.164 for a number possible in its country (read
 * with `region` when national, `00` taken as `+`), or 2 to 10 digits for a
 * work_extension. Says when the cell looks damaged by a spreadsheet.
 */
export function readContactPhone(raw: string, type: ContactPhoneType, region: string): PhoneReading {
  const compact = raw.replace(SEPARATORS, '');
  if (type === 'work_extension') {
    return EXTENSION.test(compact) ? { value: compact } : { error: 'extension_invalid', details: { value: raw } };
  }
  if (SCIENTIFIC.test(raw.trim())) return { error: 'phone_scientific_notation', details: { value: raw } };
  const international = compact.replace(/^00/, '+');
  if (!/^\+?\d+$/.test(international)) return { error: 'phone_invalid', details: { value: raw } };
  // extract: false reads the whole cell as the number (our own check above already allows nothing else).
  const parsed = parsePhoneNumberFromString(international, { defaultCountry: region as CountryCode, extract: false });
  // A valid number is also possible: one check for the common case.
  if (parsed?.isValid()) {
    // 33612345678: +33 6 12 34 56 78 as a spreadsheet shows it once it dropped the "+". libphonenumber reads it right; the admin is told.
    if (parsed.number === `+${international}`) return { value: parsed.number, warning: { code: 'phone_plus_added', details: { value: raw, e164: parsed.number } } };
    return { value: parsed.number };
  }
  if (parsed?.isPossible()) {
    return { value: parsed.number, warning: { code: 'phone_not_valid', details: { value: raw, e164: parsed.number } } };
  }
  if (/^[1-9]/.test(international)) {
    const withPlus = parsePhoneNumberFromString(`+${international}`, { extract: false });
    if (withPlus?.isPossible()) {
      return { error: 'phone_lost_plus', details: { value: raw, suggestion: withPlus.number } };
    }
  }
  return { error: 'phone_invalid', details: { value: raw } };
}
