import type { License } from './types';
import { readContactPhone } from './contactPhone';
import type { RowIssueCode, IssueDetails } from './contactIssues';
import { isValidEmail, isValidExtension } from './users';

/** A column of the users file: a user field, or a licence (by id). */
export type UserField = 'email' | 'firstName' | 'lastName' | 'displayName' | 'location' | 'phoneNumber' | 'extension' | `license:${string}`;

/** The users CSV of Control Hub (seed 003), before one column per licence. */
export const USER_COLUMNS: readonly { name: string; field: UserField }[] = [
  { name: 'User ID/Email (Required)', field: 'email' },
  { name: 'First Name', field: 'firstName' },
  { name: 'Last Name', field: 'lastName' },
  { name: 'Display Name', field: 'displayName' },
  { name: 'Location', field: 'location' },
  { name: 'Phone Number', field: 'phoneNumber' },
  { name: 'Extension', field: 'extension' },
];

export const licenseField = (license: Pick<License, 'id'>): UserField => `license:${license.id}`;

/** The licences that have a column in the users file. */
export interface UserLicenseColumns {
  licenses: License[];
}

export interface UserRowIssue {
  field: UserField | null;
  code: RowIssueCode;
  details: IssueDetails;
}

/** A users row that passed the field rules, before it is matched against the org. */
export interface UserRowDraft {
  email: string;
  firstName?: string;
  lastName?: string;
  displayName?: string;
  /** The location's name as written. */
  location?: string;
  /** E.164. */
  phoneNumber?: string;
  extension?: string;
  /** Licence columns with TRUE or FALSE; empty cells are not listed. */
  licenses: { id: string; name: string; assign: boolean }[];
}

// French Excel writes booleans as VRAI/FAUX.
const TRUE_VALUES = new Set(['true', 'vrai']);
const FALSE_VALUES = new Set(['false', 'faux']);

/** The field rules of one users row; the org is not consulted here. */
export function checkUserRow(value: (field: UserField) => string, header: UserLicenseColumns, region: string) {
  const errors: UserRowIssue[] = [];
  const warnings: UserRowIssue[] = [];
  const text = (field: UserField) => value(field) || undefined;

  const email = text('email');
  if (!email) errors.push({ field: 'email', code: 'email_required', details: {} });
  else if (!isValidEmail(email)) errors.push({ field: 'email', code: 'email_invalid', details: { value: email } });

  let phoneNumber: string | undefined;
  const rawNumber = text('phoneNumber');
  if (rawNumber) {
    const reading = readContactPhone(rawNumber, 'work', region);
    if ('error' in reading) errors.push({ field: 'phoneNumber', code: reading.error, details: reading.details });
    else {
      phoneNumber = reading.value;
      if (reading.warning) warnings.push({ field: 'phoneNumber', ...reading.warning });
    }
  }
  const extension = text('extension');
  if (extension && !isValidExtension(extension)) errors.push({ field: 'extension', code: 'extension_invalid', details: { value: extension } });

  const licenses: UserRowDraft['licenses'] = [];
  for (const license of header.licenses) {
    const field = licenseField(license);
    const cell = value(field).toLowerCase();
    if (!cell) continue;
    if (TRUE_VALUES.has(cell) || FALSE_VALUES.has(cell)) licenses.push({ id: license.id, name: license.name, assign: TRUE_VALUES.has(cell) });
    else errors.push({ field, code: 'license_value_invalid', details: { value: value(field), license: license.name } });
  }

  if (errors.length || !email) return { errors, warnings };
  const draft: UserRowDraft = {
    email,
    firstName: text('firstName'),
    lastName: text('lastName'),
    displayName: text('displayName'),
    location: text('location'),
    phoneNumber,
    extension,
    licenses,
  };
  return { draft, errors, warnings };
}
