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

const normalizeEmail = (email: string) => email.trim().toLowerCase();

export function checkEmailFree(org: OrgSnapshot, email: string, exceptId?: string): void {
  const owner = org.users.find((u) => u.id !== exceptId && normalizeEmail(u.email) === normalizeEmail(email));
  if (owner) {
    throw new DirectoryError('email_taken', `E-mail ${email} is already used by ${owner.displayName}.`, {
      email: owner.email,
      userId: owner.id,
      displayName: owner.displayName,
    });
  }
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

export { checkCalling } from '../storeRules';

/** Records a user as the snapshot should now see them (its number taken, the old one freed). */
export function placeUser(org: OrgSnapshot, user: User): void {
  for (const n of org.numbers) if (n.ownerId === user.id) delete n.ownerId;
  org.users = [...org.users.filter((u) => u.id !== user.id), user];
  const number = org.numbers.find((n) => n.e164 === user.phoneNumber && n.locationId === user.locationId);
  if (number) number.ownerId = user.id;
}
