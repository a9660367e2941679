import type { License } from '../domain/types';
import { licenseField, USER_COLUMNS, type UserField } from '../domain/userRows';

export { licenseField, USER_COLUMNS, type UserField };
import { CsvFileError } from './fileError';
import { mapHeader } from './formats';
import { mapColumns, normalizeHeader, type MappedHeader } from './mappedHeader';

export const USERS_FORMAT = 'webex-users';

// The e-mail column as some exports and hand-made files name it.
const EMAIL_ALIASES = ['User ID/Email', 'Email', 'E-mail'];

export interface UsersHeader extends MappedHeader<UserField> {
  /** The licences that have a column in the file. */
  licenses: License[];
}

/** The header of a users file: the user columns, then one column per licence named as the licence. */
export function usersHeader(licenses: readonly Pick<License, 'name'>[]): string[] {
  return [...USER_COLUMNS.map((c) => c.name), ...licenses.map((l) => l.name)];
}

function looksLikeContacts(names: string[]): boolean {
  try {
    mapHeader(names);
    return true;
  } catch {
    return false;
  }
}

/** Maps a users file's header; licence columns are matched on the org's licence names. */
export function mapUsersHeader(names: string[], licenses: readonly License[]): UsersHeader {
  const byName = new Map<string, UserField>([
    ...USER_COLUMNS.map((c) => [normalizeHeader(c.name), c.field] as const),
    ...EMAIL_ALIASES.map((alias) => [normalizeHeader(alias), 'email'] as const),
    ...licenses.map((l) => [normalizeHeader(l.name), licenseField(l)] as const),
  ]);
  const columns = mapColumns(names, (name) => byName.get(name));
  if (!columns.fields.has('email') && looksLikeContacts(names)) throw new CsvFileError('contacts_file');
  if (columns.fields.size === 0) throw new CsvFileError('unknown_header', { found: names.slice(0, 6).join(', ') });
  if (!columns.fields.has('email')) throw new CsvFileError('missing_column', { columns: USER_COLUMNS[0].name, format: USERS_FORMAT });
  return { ...columns, format: USERS_FORMAT, licenses: licenses.filter((l) => columns.fields.has(licenseField(l))) };
}
