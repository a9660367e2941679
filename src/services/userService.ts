import { DirectoryError, type CallingAssignment, type Directory, type UserFilter } from '../directory/directory';
import { findByName } from '../domain/names';
import { toE164 } from '../domain/phone';
import { RuleError } from '../domain/ruleError';
import type { License, Location, User, WriteContext } from '../domain/types';
import { refuseLongSearch, valueIssue } from '../domain/typedText';
import { toUserView, type UserView } from '../domain/views';
import {
  displayNameOf,
  isValidEmail,
  isValidExtension,
  matchUsers,
  needsCalling,
  unitsLeft,
} from '../domain/users';

export interface UserDraft {
  firstName: string;
  lastName: string;
  email: string;
  licenseIds: string[];
  locationId?: string;
  phoneNumber?: string;
  extension?: string;
}

/** Use cases around users, numbers and extensions, shared by the dialogs and the CLI. */
export class UserService {
  constructor(
    private readonly directory: Directory,
    private readonly region: string,
  ) {}

  listLicenses(): Promise<License[]> {
    return this.directory.listLicenses();
  }

  listLocations(): Promise<Location[]> {
    return this.directory.listLocations();
  }

  listFreeNumbers(locationId: string): Promise<string[]> {
    return this.directory.listFreeNumbers(locationId);
  }

  listUsers(filter?: UserFilter): Promise<User[]> {
    return this.directory.listUsers(filter);
  }

  async findUsers(query: string): Promise<User[]> {
    refuseLongSearch(query);
    return matchUsers(await this.directory.listUsers(), query);
  }

  async getUser(id: string): Promise<User> {
    const user = await this.directory.getUser(id);
    if (!user) throw new RuleError('user_not_found', { query: id });
    return user;
  }

  /** Users as people read them: licence and location names, formatted numbers. */
  async views(users: User[]): Promise<UserView[]> {
    const [licenses, locations] = await Promise.all([this.directory.listLicenses(), this.directory.listLocations()]);
    return users.map((user) => toUserView(user, licenses, locations));
  }

  async view(user: User): Promise<UserView> {
    return (await this.views([user]))[0];
  }

  /** `partial`: a typed answer may name a licence by a part of its name, when only one matches. */
  async findLicense(nameOrId: string, partial = false): Promise<License> {
    const licenses = await this.directory.listLicenses();
    const license = findByName(licenses, nameOrId, partial);
    if (!license) throw new RuleError('unknown_license', { name: nameOrId, known: licenses.map((l) => l.name).join(', ') });
    return license;
  }

  async findLocation(nameOrId: string, partial = false): Promise<Location> {
    const locations = await this.directory.listLocations();
    const location = findByName(locations, nameOrId, partial);
    if (!location) throw new RuleError('unknown_location', { name: nameOrId, known: locations.map((l) => l.name).join(', ') });
    return location;
  }

  /** Throws when a name is too long or holds a control character (the same rules as a value in a file). */
  checkNames(firstName: string, lastName: string): void {
    for (const [field, value] of [['firstName', firstName], ['lastName', lastName]] as const) {
      const issue = valueIssue(field, value);
      if (issue) throw new RuleError(issue.code, { field, ...issue.details });
    }
  }

  /** Throws when the e-mail is malformed or already used (naming who has it). */
  async checkEmail(email: string): Promise<void> {
    const issue = valueIssue('email', email);
    if (issue) throw new RuleError(issue.code, { field: 'email', ...issue.details });
    if (!isValidEmail(email)) throw new RuleError('invalid_email', { email });
    const holder = await this.directory.findUserByEmail(email);
    if (holder) throw new RuleError('email_taken', { email: holder.email, name: displayNameOf(holder) });
  }

  async checkLicense(license: License): Promise<void> {
    if (unitsLeft(license) === 0) {
      throw new RuleError('no_units_left', { license: license.name, total: license.totalUnits });
    }
  }

  async needsCalling(licenseIds: string[]): Promise<boolean> {
    return needsCalling(licenseIds, await this.directory.listLicenses());
  }

  /** A typed or clicked number, as E.164, if it is free in that location. */
  async checkNumber(locationId: string, input: string): Promise<string> {
    const e164 = toE164(input, this.region);
    if (!e164) throw new RuleError('invalid_number', { number: input });
    const free = await this.directory.listFreeNumbers(locationId);
    if (!free.includes(e164)) throw new RuleError('number_not_free', { number: e164 });
    return e164;
  }

  async checkExtension(locationId: string, extension: string, exceptUserId?: string): Promise<void> {
    if (!isValidExtension(extension)) throw new RuleError('invalid_extension', { extension });
    const holder = (await this.directory.listUsers({ locationId })).find(
      (u) => u.extension === extension && u.id !== exceptUserId,
    );
    if (holder) throw new RuleError('extension_taken', { extension, name: displayNameOf(holder) });
  }

  async createUser(draft: UserDraft, ctx: WriteContext): Promise<User> {
    const firstName = draft.firstName.trim();
    const lastName = draft.lastName.trim();
    if (!firstName || !lastName) throw new RuleError('invalid_name', {});
    this.checkNames(firstName, lastName);
    const email = draft.email.trim();
    await this.checkEmail(email);
    if (!draft.licenseIds.length) throw new RuleError('license_required', {});
    for (const id of draft.licenseIds) await this.checkLicense(await this.findLicense(id));
    let calling = {};
    if (await this.needsCalling(draft.licenseIds)) calling = await this.checkCalling(draft, undefined);
    else if (draft.locationId || draft.phoneNumber || draft.extension) throw new RuleError('calling_needs_license', {});
    return translate(() => this.directory.createUser({ firstName, lastName, email, licenseIds: draft.licenseIds, ...calling }, ctx));
  }

  /** Gives an existing user a location, number and extension; the old number goes back to its pool. */
  async assignCalling(userId: string, assignment: CallingAssignment, ctx: WriteContext): Promise<{ before: User; after: User }> {
    await this.getUser(userId);
    const calling = await this.checkCalling(assignment, userId);
    return translate(() => this.directory.assignCalling(userId, calling as CallingAssignment, ctx));
  }

  async deleteUser(userId: string, ctx: WriteContext): Promise<User> {
    await this.getUser(userId);
    return translate(() => this.directory.deleteUser(userId, ctx));
  }

  async findByEmail(email: string): Promise<User> {
    const user = await this.directory.findUserByEmail(email);
    if (!user) throw new RuleError('user_not_found', { query: email });
    return user;
  }

  private async checkCalling(draft: Partial<CallingAssignment>, exceptUserId: string | undefined) {
    if (!draft.locationId) throw new RuleError('location_required', {});
    const location = await this.findLocation(draft.locationId);
    const phoneNumber = draft.phoneNumber ? await this.checkNumberFor(location.id, draft.phoneNumber, exceptUserId) : undefined;
    if (draft.extension) await this.checkExtension(location.id, draft.extension, exceptUserId);
    if (!phoneNumber && !draft.extension) throw new RuleError('number_or_extension_required', {});
    return { locationId: location.id, phoneNumber, extension: draft.extension || undefined };
  }

  // A user keeping the number they already hold is not taking a new one.
  private async checkNumberFor(locationId: string, input: string, userId: string | undefined): Promise<string> {
    const current = userId ? (await this.directory.getUser(userId))?.phoneNumber : undefined;
    const e164 = toE164(input, this.region);
    if (e164 && e164 === current) return e164;
    return this.checkNumber(locationId, input);
  }
}

/** The store re-checks integrity at write time (a concurrent admin may have won): same codes as ours. */
async function translate<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof DirectoryError)) throw error;
    const details = Object.fromEntries(
      Object.entries(error.details).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
    ) as Record<string, string | number>;
    if (error.code === 'list_name_taken' || error.code === 'too_many_lists' || error.code === 'import_running' || error.code === 'not_supported') {
      throw error;
    }
    const code = error.code === 'not_found' ? 'user_not_found' : error.code;
    throw new RuleError(code, details);
  }
}
