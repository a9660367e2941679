import { PHONE_FIELDS, PHONE_TYPE_FIELDS, SLOTS, type FieldKey, type Slot } from '../domain/contactFields';
import type { ContactPhoneType } from '../domain/types';
import { CsvFileError } from './fileError';
import { mapColumns, normalizeHeader, type MappedHeader } from './mappedHeader';

export { normalizeHeader };

export type FormatId = 'webex-contacts' | 'company-contacts';

export interface FormatSpec {
  id: FormatId;
  /** Column names in the order of the format's template. */
  columns: readonly { name: string; field: FieldKey }[];
  fixedPhoneTypes?: Partial<Record<Slot, ContactPhoneType>>;
}

/** The Webex contacts template, in the order of the admin guide (seed 001). */
export const WEBEX_CONTACTS: FormatSpec = {
  id: 'webex-contacts',
  columns: [
    { name: 'Display Name', field: 'displayName' },
    { name: 'Contact UUID', field: 'contactUuid' },
    { name: 'First Name', field: 'firstName' },
    { name: 'Last Name', field: 'lastName' },
    ...SLOTS.flatMap((n) => [
      { name: `Phone Number ${n}`, field: `phone${n}` as const },
      { name: `Phone Number ${n} Type`, field: `phoneType${n}` as const },
    ]),
    { name: 'Contact Email', field: 'email' },
    { name: 'SIP URI', field: 'sipUri' },
    { name: 'Title', field: 'title' },
    { name: 'Company Name', field: 'companyName' },
    { name: 'Address Street', field: 'street' },
    { name: 'Address City', field: 'city' },
    { name: 'Address State', field: 'state' },
    { name: 'Address Country', field: 'country' },
    { name: 'Address Zip', field: 'zip' },
    ...SLOTS.map((n) => ({ name: `Group ID ${n}`, field: `group${n}` as const })),
  ],
};

/** The company-contacts format (seed 004): a work number and two "other" ones. */
export const COMPANY_CONTACTS: FormatSpec = {
  id: 'company-contacts',
  columns: [
    { name: 'nom-contact', field: 'displayName' },
    { name: 'poste', field: 'title' },
    { name: 'e-mail', field: 'email' },
    { name: 'téléphone-travail', field: 'phone1' },
    { name: 'téléphone-facultatif-1', field: 'phone2' },
    { name: 'téléphone-facultatif-2', field: 'phone3' },
  ],
  fixedPhoneTypes: { 1: 'work', 2: 'other', 3: 'other' },
};

const FORMATS = [WEBEX_CONTACTS, COMPANY_CONTACTS];

/** How a file's header maps to contact fields. */
export interface HeaderMap extends MappedHeader<FieldKey> {
  format: FormatId;
  spec: FormatSpec;
}

function nameOf(format: FormatSpec, field: FieldKey): string {
  return format.columns.find((c) => c.field === field)!.name;
}

/** The columns without which no row could be valid, each as "X" or, for one of several, "X / Y / Z". */
function missingColumns(format: FormatSpec, fields: ReadonlySet<FieldKey>): string[] {
  const oneOf = (...wanted: FieldKey[]) => (wanted.some((f) => fields.has(f)) ? [] : [wanted.map((f) => nameOf(format, f)).join(' / ')]);
  if (format.id === 'company-contacts') return [...oneOf('displayName'), ...oneOf('phone1', 'email')];
  return [
    ...oneOf('displayName'),
    ...oneOf(...PHONE_FIELDS, 'email', 'sipUri'),
    ...PHONE_FIELDS.flatMap((field, i) => (fields.has(field) ? oneOf(PHONE_TYPE_FIELDS[i]) : [])),
  ];
}

/** Recognises the format from the header cells, or says what is wrong with the header. */
export function mapHeader(names: string[]): HeaderMap {
  const normalized = names.map(normalizeHeader);
  const scored = FORMATS.map((format) => {
    const byName = new Map(format.columns.map((c) => [normalizeHeader(c.name), c.field]));
    return { format, byName, score: normalized.filter((n) => byName.has(n)).length };
  }).sort((a, b) => b.score - a.score);
  const { format, byName, score } = scored[0];
  if (score === 0) throw new CsvFileError('unknown_header', { found: names.slice(0, 6).join(', ') });
  const columns = mapColumns(names, (name) => byName.get(name));
  const missing = missingColumns(format, columns.fields);
  if (missing.length) throw new CsvFileError('missing_column', { columns: missing.join('; '), format: format.id });
  // Written out, not spread: a spread gave each file's header a map (hidden
  // class) of its own, and the row checks' optimised code was thrown away at every import.
  const { names: cells, fieldAt, fields, commentsIndex, unknownColumns } = columns;
  return { names: cells, fieldAt, fields, commentsIndex, unknownColumns, format: format.id, spec: format };
}
