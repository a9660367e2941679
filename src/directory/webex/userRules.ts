import type { License, Location, PhoneNumber, User } from '../../domain/types';
import { DirectoryError } from '../directory';

/** The org as read before a write: the store rules are checked against it, as the embedded backend does. */
export interface OrgSnapshot {
  users: User[];
  licenses: License[];
  locations: Location[];
  /** The pools of the locations the write touches. */
  numbers: PhoneNumber[];
}

/** Takes a unit of each licence, or refuses (no_units_left / not_found). */
export function takeUnits(org: OrgSnapshot, licenseIds: string[]): void {
  for (const id of licenseIds) {
    const license = org.licenses.find((l) => l.id === id);
    if (!license) throw new DirectoryError('not_found', `No license with id ${id}.`, { kind: 'license', id });
    if (license.consumedUnits >= license.totalUnits) {
      throw new DirectoryError('no_units_left', `No unit left on licence ${license.name}.`, { licenseId: id, name: license.name });
    }
    license.consumedUnits++;
  }
}
