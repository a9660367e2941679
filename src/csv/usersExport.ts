import type { License, Location, User } from '../domain/types';
import { usersHeader } from './usersFormat';
import { writeCsv } from './write';

/** Every user in the users CSV, licences as TRUE/FALSE: edit it and import it back (seed 003: export → edit → import). */
export function exportUsersCsv(users: readonly User[], licenses: readonly License[], locations: readonly Location[]): Buffer {
  const locationName = new Map(locations.map((l) => [l.id, l.name]));
  const rows = users.map((user) => [
    user.email,
    user.firstName,
    user.lastName,
    user.displayName,
    (user.locationId && locationName.get(user.locationId)) ?? '',
    user.phoneNumber ?? '',
    user.extension ?? '',
    ...licenses.map((l) => (user.licenseIds.includes(l.id) ? 'TRUE' : 'FALSE')),
  ]);
  return writeCsv([usersHeader(licenses), ...rows]);
}

/** The users template: the header row alone, with the org's licences. */
export function usersTemplateCsv(licenses: readonly License[]): Buffer {
  return writeCsv([usersHeader(licenses)]);
}
