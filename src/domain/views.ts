import { formatPhone } from './phone';
import type { License, Location, User } from './types';
import { displayNameOf } from './users';

/** A user as people read it: names instead of ids, numbers formatted. */
export interface UserView {
  id: string;
  name: string;
  email: string;
  licenses: string[];
  location?: string;
  number?: string;
  extension?: string;
  status: User['status'];
  /** When the last invitation e-mail was sent (pending users). */
  invitedAt?: string;
}

export function toUserView(user: User, licenses: readonly License[], locations: readonly Location[]): UserView {
  return {
    id: user.id,
    name: displayNameOf(user),
    email: user.email,
    licenses: licenses.filter((l) => user.licenseIds.includes(l.id)).map((l) => l.name),
    location: locations.find((l) => l.id === user.locationId)?.name,
    number: user.phoneNumber ? formatPhone(user.phoneNumber) : undefined,
    extension: user.extension,
    status: user.status,
    ...(user.invitedAt && { invitedAt: user.invitedAt }),
  };
}
