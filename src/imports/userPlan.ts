import type { NewUser, UserChanges } from '../directory/directory';
import { findByName } from '../domain/names';
import type { UserRowDraft, UserRowIssue } from '../domain/userRows';
import { displayNameOf, suggestedExtension, unitsLeft } from '../domain/users';
import type { License, Location, PhoneNumber, User } from '../domain/types';
import type { PlannedRow } from './pipeline';
import type { UserField } from '../csv/usersFormat';

/** "add": TRUE adds a licence, FALSE and empty change nothing. "add-remove": FALSE removes it too (seed 003). */
export type UsersImportMode = 'add' | 'add-remove';

export interface UserOrg {
  users: readonly User[];
  licenses: readonly License[];
  locations: readonly Location[];
  numbers: readonly PhoneNumber[];
}

type Calling = Pick<User, 'locationId' | 'phoneNumber' | 'extension'>;

/**
 * Matches users rows against the org in file order (by e-mail, any case) and
 * builds the one batch to apply. Licence units, numbers and extensions taken
 * by earlier rows of the file count as taken for the later ones. Empty cells
 * leave a user's value as it is.
 */
export class UserPlanner {
  readonly changes: UserChanges = { create: [], update: [] };
  private readonly byEmail = new Map<string, User>();
  private readonly unitsLeft = new Map<string, number>();
  /** E.164 → who holds it (a user id, or "line N" for a row of this file). */
  private readonly numberHolder = new Map<string, { userId?: string; line?: number }>();
  /** "location|extension" → who holds it. */
  private readonly extensionHolder = new Map<string, { userId?: string; line?: number }>();
  private readonly emailLines = new Map<string, number>();

  constructor(
    private readonly org: UserOrg,
    private readonly mode: UsersImportMode,
  ) {
    for (const user of org.users) {
      this.byEmail.set(user.email.toLowerCase(), user);
      if (user.locationId && user.extension) this.extensionHolder.set(`${user.locationId}|${user.extension}`, { userId: user.id });
    }
    for (const license of org.licenses) this.unitsLeft.set(license.id, unitsLeft(license));
    for (const number of org.numbers) if (number.ownerId) this.numberHolder.set(number.e164, { userId: number.ownerId });
  }

  plan(line: number, draft: UserRowDraft): PlannedRow<UserField> {
    const key = draft.email.toLowerCase();
    const first = this.emailLines.get(key);
    if (first !== undefined) return failed({ field: null, code: 'duplicate_row', details: { line: first, identity: 'email' } });
    const existing = this.byEmail.get(key);
    const errors: UserRowIssue[] = [];
    const warnings: UserRowIssue[] = [];

    const licenseIds = this.licensesAfter(existing, draft, errors);
    const calling = this.callingAfter(existing, draft, licenseIds, errors, warnings);
    if (errors.length || !calling) return { outcome: 'failed', errors };
    this.emailLines.set(key, line);

    const names = {
      firstName: draft.firstName ?? existing?.firstName ?? '',
      lastName: draft.lastName ?? existing?.lastName ?? '',
    };
    const displayName = draft.displayName ?? (existing ? existing.displayName : displayNameOf(names) || draft.email);
    this.take(existing?.id, line, licenseIds, existing?.licenseIds ?? [], calling);
    if (!existing) {
      const user: NewUser = { email: draft.email, ...names, displayName, licenseIds, ...defined(calling) };
      this.changes.create.push(user);
      return { outcome: 'created', errors, warnings };
    }
    const after: User = { ...existing, ...names, displayName, licenseIds, locationId: calling.locationId, phoneNumber: calling.phoneNumber, extension: calling.extension };
    if (sameUser(existing, after)) return { outcome: 'unchanged', errors, warnings };
    this.changes.update.push(after);
    return { outcome: 'updated', errors, warnings };
  }

  private licensesAfter(existing: User | undefined, draft: UserRowDraft, errors: UserRowIssue[]): string[] {
    const ids = new Set(existing?.licenseIds ?? []);
    for (const { id, name, assign } of draft.licenses) {
      if (assign && !ids.has(id)) {
        if ((this.unitsLeft.get(id) ?? 0) <= 0) errors.push({ field: `license:${id}`, code: 'no_units_left', details: { license: name } });
        ids.add(id);
      } else if (!assign && this.mode === 'add-remove') ids.delete(id);
    }
    if (!existing && ids.size === 0) errors.push({ field: null, code: 'new_user_needs_license', details: {} });
    return [...ids];
  }

  /** The location, number and extension the user ends with; undefined when a rule is broken (errors say which). */
  private callingAfter(
    existing: User | undefined,
    draft: UserRowDraft,
    licenseIds: string[],
    errors: UserRowIssue[],
    warnings: UserRowIssue[],
  ): Calling | undefined {
    const calling = this.org.licenses.some((l) => l.calling && licenseIds.includes(l.id));
    if (!calling) {
      if (draft.location || draft.phoneNumber || draft.extension) {
        errors.push({ field: null, code: 'calling_needs_license', details: {} });
        return undefined;
      }
      // No calling licence left (removed in add-remove mode): the number and extension go back to the location.
      return {};
    }
    let location: Location | undefined;
    if (draft.location) {
      location = findByName(this.org.locations, draft.location);
      if (!location) {
        const known = this.org.locations.map((l) => l.name).join(', ');
        errors.push({ field: 'location', code: 'unknown_location', details: { value: draft.location, known } });
        return undefined;
      }
    } else location = this.org.locations.find((l) => l.id === existing?.locationId);
    if (!location) {
      errors.push({ field: 'location', code: 'location_required', details: {} });
      return undefined;
    }
    const movedOut = existing?.locationId !== location.id;
    const phoneNumber = draft.phoneNumber ?? (movedOut ? undefined : existing?.phoneNumber);
    let extension = draft.extension ?? (movedOut ? undefined : existing?.extension);
    if (phoneNumber && !this.checkNumber(phoneNumber, location, existing, errors)) return undefined;
    if (!extension && phoneNumber) {
      extension = suggestedExtension(phoneNumber);
      if (this.extensionTaken(location.id, extension, existing)) {
        errors.push({ field: 'extension', code: 'suggested_extension_taken', details: { extension, number: phoneNumber } });
        return undefined;
      }
      warnings.push({ field: 'extension', code: 'extension_suggested', details: { extension, number: phoneNumber } });
    }
    if (!phoneNumber && !extension) {
      errors.push({ field: null, code: 'number_or_extension_required', details: { location: location.name } });
      return undefined;
    }
    const holder = extension ? this.extensionTaken(location.id, extension, existing) : undefined;
    if (extension && holder) {
      const code = holder.line === undefined ? 'extension_taken' : 'extension_twice_in_file';
      errors.push({ field: 'extension', code, details: { extension, location: location.name, ...this.who(holder) } });
      return undefined;
    }
    return { locationId: location.id, phoneNumber, extension };
  }

  private checkNumber(number: string, location: Location, existing: User | undefined, errors: UserRowIssue[]): boolean {
    const inPool = this.org.numbers.some((n) => n.e164 === number && n.locationId === location.id);
    if (!inPool) {
      errors.push({ field: 'phoneNumber', code: 'number_not_in_location', details: { number, location: location.name } });
      return false;
    }
    const holder = this.numberHolder.get(number);
    if (holder && (holder.userId === undefined || holder.userId !== existing?.id)) {
      const code = holder.line === undefined ? 'number_taken' : 'number_twice_in_file';
      errors.push({ field: 'phoneNumber', code, details: { number, ...this.who(holder) } });
      return false;
    }
    return true;
  }

  private extensionTaken(locationId: string, extension: string, existing: User | undefined) {
    const holder = this.extensionHolder.get(`${locationId}|${extension}`);
    return holder && (holder.userId === undefined || holder.userId !== existing?.id) ? holder : undefined;
  }

  private who(holder: { userId?: string; line?: number }): Record<string, string | number> {
    if (holder.line !== undefined) return { line: holder.line };
    const user = this.org.users.find((u) => u.id === holder.userId);
    return { name: user ? displayNameOf(user) : '?' };
  }

  /** What this row takes (units, number, extension) is no longer there for the rows after it. */
  private take(userId: string | undefined, line: number, licenseIds: string[], before: string[], calling: Calling): void {
    for (const id of licenseIds) if (!before.includes(id)) this.unitsLeft.set(id, (this.unitsLeft.get(id) ?? 0) - 1);
    for (const id of before) if (!licenseIds.includes(id)) this.unitsLeft.set(id, (this.unitsLeft.get(id) ?? 0) + 1);
    const holder = userId ? { userId, line } : { line };
    if (userId) {
      for (const [number, h] of this.numberHolder) if (h.userId === userId) this.numberHolder.delete(number);
      for (const [key, h] of this.extensionHolder) if (h.userId === userId) this.extensionHolder.delete(key);
    }
    if (calling.phoneNumber) this.numberHolder.set(calling.phoneNumber, holder);
    if (calling.locationId && calling.extension) this.extensionHolder.set(`${calling.locationId}|${calling.extension}`, holder);
  }
}

function failed(issue: UserRowIssue): PlannedRow<UserField> {
  return { outcome: 'failed', errors: [issue] };
}

function defined(calling: Calling): Calling {
  return Object.fromEntries(Object.entries(calling).filter(([, v]) => v !== undefined));
}

function sameUser(a: User, b: User): boolean {
  const sameLicenses = a.licenseIds.length === b.licenseIds.length && a.licenseIds.every((id) => b.licenseIds.includes(id));
  return (
    sameLicenses &&
    a.firstName === b.firstName &&
    a.lastName === b.lastName &&
    a.displayName === b.displayName &&
    a.locationId === b.locationId &&
    a.phoneNumber === b.phoneNumber &&
    a.extension === b.extension
  );
}
