import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type {
  AuditEntry,
  Contact,
  ContactAddress,
  DistributionList,
  ImportJob,
  License,
  Location,
  PhoneNumber,
  User,
  WriteContext,
} from '../../domain/types';
import {
  DirectoryError,
  MAX_LISTS_PER_CONTACT,
  type CallingAssignment,
  type ContactChanges,
  type ContactChangesResult,
  type Directory,
  type ImportEnding,
  type ListPatch,
  type MemberChange,
  type MemberChangeResult,
  type NewImportJob,
  type NewUser,
  type UserChanges,
  type UserChangesResult,
  type UserFilter,
} from '../directory';
import type { ContactData } from '../../domain/contactFields';
import { emailKey } from '../../domain/contactMerge';
import { displayNameOf } from '../../domain/users';
import { matchByScan, type ContactKeys, type ContactMatches } from '../contactMatches';
import { ContactJournal, contactPatch, type ContactBatch, type ContactPatch, type JournalContents } from './contactJournal';
import { SCHEMA_VERSION, type OrgData, type OrgSeed } from './schema';
import { sandboxSeed } from './seed';
import {
  auditEntry,
  byUserName,
  checkCalling,
  checkContactChanges,
  checkEmailFree,
  clone,
  compact,
  contactsAudit,
  notFound,
  placeUser,
  startImportJob,
  throwError,
  type AuditInput,
} from '../storeRules';

export interface LowdbDirectoryOptions {
  /** Builds the org written to a fresh data directory (default: the sandbox org). */
  seed?: (now: Date) => OrgSeed;
  now?: () => Date;
}

/**
 * Opens (or, when `${dataDir}/org.json` does not exist yet, seeds) the
 * embedded org: org.json and the contacts journal beside it. One process owns
 * a data directory: two Directory instances on the same files would overwrite
 * each other's writes.
 */
export async function openLowdbDirectory(dataDir: string, options: LowdbDirectoryOptions = {}): Promise<Directory> {
  const now = options.now ?? (() => new Date());
  const file = path.join(dataDir, 'org.json');
  await mkdir(dataDir, { recursive: true });
  const adapter = new DataFile<OrgSeed>(file, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) });
  const existing = await readOrgFile(adapter, file);
  const initial: OrgSeed = existing ?? (options.seed ?? sandboxSeed)(now());
  const { contacts: seedContacts, ...org } = initial;
  const journal = new ContactJournal(path.join(dataDir, 'contacts.jsonl'));
  const stored = await journal.read(freezeContact);
  // A seed's contacts, or those of a data directory written before the journal, move into it first.
  const moved = seedContacts?.filter((c) => !stored.contacts.has(c.id)).map(freezeContact) ?? [];
  await journal.appendContacts(moved, now().toISOString());
  for (const contact of moved) stored.contacts.set(contact.id, contact);
  const db = new Low<OrgData>(adapter as DataFile<OrgData>, org);
  const reconciled = reconcileJobs(org, stored.jobs, now().toISOString());
  // org.json before compaction: compaction drops the jobs that batches carried.
  if (!existing || seedContacts || reconciled) await db.write();
  if (stored.versions > 2 * stored.contacts.size + 1000) await journal.compact(stored.contacts.values(), now().toISOString());
  return new LowdbDirectory(db, journal, stored.contacts, now);
}

/**
 * Jobs left running by a process that stopped: completed from the journal
 * when their batch reached it (with their audit entry), else interrupted.
 */
function reconcileJobs(org: OrgData, finished: JournalContents['jobs'], at: string): boolean {
  let changed = false;
  org.importJobs = org.importJobs.map((job) => {
    if (job.status !== 'running') return job;
    changed = true;
    const done = finished.get(job.id);
    if (!done) return { ...job, status: 'interrupted', endedAt: at };
    if (done.audit && !org.audit.some((e) => e.id === done.audit!.id)) org.audit.push(done.audit);
    return done.job;
  });
  return changed;
}

async function readOrgFile(adapter: DataFile<OrgSeed>, file: string): Promise<OrgSeed | null> {
  let data: OrgSeed | null;
  try {
    data = await adapter.read();
  } catch (err) {
    if (err instanceof SyntaxError) {
      throw new Error(`Data file ${file} is not valid JSON (${err.message}); fix it or move it away to start from a fresh sandbox.`);
    }
    throw err;
  }
  if (data !== null && (typeof data !== 'object' || data.version !== SCHEMA_VERSION)) {
    throw new Error(`Data file ${file} is not a Provisio org file of version ${SCHEMA_VERSION}.`);
  }
  return data;
}

/**
 * Contacts are many (an org may hold 100,000): they are stored frozen and read
 * without a copy, so a caller can never change the store behind its back.
 */
function freezeContact(contact: Contact): Contact {
  contact.phoneNumbers.forEach(Object.freeze);
  Object.freeze(contact.phoneNumbers);
  Object.freeze(contact.groupIds);
  if (contact.address) Object.freeze(contact.address);
  return Object.freeze(contact);
}
/**
 * The store's own frozen copy of a contact handed in by a caller, holding
 * only a contact's fields and no undefined value (memory and the file then
 * hold the same keys). Field by field: structuredClone costs 5x more.
 */
function storedContact(contact: ContactData, { id, createdAt, updatedAt }: Pick<Contact, 'id' | 'createdAt' | 'updatedAt'>): Contact {
  const { displayName, firstName, lastName, email, sipUri, title, companyName, address, phoneNumbers, groupIds } = contact;
  const stored: Contact = {
    id,
    displayName,
    phoneNumbers: phoneNumbers.map(({ value, type }) => ({ value, type })),
    groupIds: [...groupIds],
    createdAt,
    updatedAt,
  };
  if (firstName !== undefined) stored.firstName = firstName;
  if (lastName !== undefined) stored.lastName = lastName;
  if (email !== undefined) stored.email = email;
  if (sipUri !== undefined) stored.sipUri = sipUri;
  if (title !== undefined) stored.title = title;
  if (companyName !== undefined) stored.companyName = companyName;
  if (address) stored.address = storedAddress(address);
  return freezeContact(stored);
}

function storedAddress({ street, city, state, country, zip }: ContactAddress): ContactAddress {
  const address: ContactAddress = {};
  if (street !== undefined) address.street = street;
  if (city !== undefined) address.city = city;
  if (state !== undefined) address.state = state;
  if (country !== undefined) address.country = country;
  if (zip !== undefined) address.zip = zip;
  return address;
}

function requireById<T extends { id: string }>(items: T[], id: string, kind: string): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw notFound(kind, id);
  return item;
}

function replaceById<T extends { id: string }>(items: T[], replacements: T[]): T[] {
  const byId = new Map(replacements.map((r) => [r.id, r]));
  return items.map((item) => byId.get(item.id) ?? item);
}

function consumedUnits(users: User[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const user of users) for (const id of user.licenseIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

function checkLicenses(data: OrgData, licenseIds: string[]): void {
  const counts = consumedUnits(data.users);
  for (const id of licenseIds) {
    const license = requireById(data.licenses, id, 'license');
    if ((counts.get(id) ?? 0) >= license.totalUnits) {
      throw new DirectoryError('no_units_left', `No unit left on licence ${license.name}.`, {
        licenseId: id,
        name: license.name,
      });
    }
  }
}

/** A new user as stored: pending, not yet invited. */
function newUserRecord(input: NewUser, at: string): User {
  return compact({
    id: randomUUID(),
    email: input.email.trim(),
    firstName: input.firstName,
    lastName: input.lastName,
    displayName: displayNameOf(input) || input.email.trim(),
    status: 'pending',
    licenseIds: [...new Set(input.licenseIds)],
    locationId: input.locationId,
    phoneNumber: input.phoneNumber,
    extension: input.extension,
    createdAt: at,
  });
}

function releaseNumbers(data: OrgData, userId: string): void {
  for (const n of data.numbers) if (n.ownerId === userId) delete n.ownerId;
}

/**
 * Every write validates against `db.data` first, then mutates it
 * synchronously and writes once: no await separates the check from the
 * mutation, so a concurrent caller always validates against the winner's data.
 */
class LowdbDirectory implements Directory {
  readonly backend = 'lowdb' as const;
  private pending: Promise<void> = Promise.resolve();
  /** Contact writes run one at a time: each validates against the contacts the previous one left. */
  private contactWrites: Promise<unknown> = Promise.resolve();
  /** Lower-cased e-mail → id of the contact holding it. */
  private readonly contactByEmail = new Map<string, string>();

  constructor(
    private readonly db: Low<OrgData>,
    private readonly journal: ContactJournal,
    private readonly contacts: Map<string, Contact>,
    private readonly now: () => Date,
  ) {
    for (const contact of contacts.values()) this.indexEmail(contact);
  }

  private get data(): OrgData {
    return this.db.data;
  }

  private nowIso(): string {
    return this.now().toISOString();
  }

  private auditEntry(input: AuditInput): AuditEntry {
    return auditEntry(input, this.nowIso());
  }

  private async commit(mutate: (data: OrgData) => void, audit?: AuditInput | AuditEntry): Promise<void> {
    mutate(this.data);
    if (audit) this.data.audit.push('id' in audit ? audit : this.auditEntry(audit));
    const write = this.db.write();
    this.pending = write.catch(() => undefined);
    await write;
  }

  private indexEmail(contact: Contact): void {
    if (contact.email) this.contactByEmail.set(emailKey(contact.email), contact.id);
  }

  private unindexEmail(contact: Contact | undefined): void {
    if (contact?.email && this.contactByEmail.get(emailKey(contact.email)) === contact.id) {
      this.contactByEmail.delete(emailKey(contact.email));
    }
  }

  /** Runs contact writes in call order, each after the previous one has reached the disk (or failed). */
  private serialContactWrite<T>(write: () => Promise<T>): Promise<T> {
    const run = this.contactWrites.then(write);
    this.contactWrites = run.catch(() => undefined);
    return run;
  }

  /**
   * Appends the batch, then shows it to readers: memory never holds what the
   * disk does not. A put replacing a contact goes to the journal as a patch.
   * `priors`, when the caller has them: the contacts the first puts replace,
   * in order; the puts after them are new contacts.
   */
  private async writeContacts({ put = [], ...batch }: Omit<ContactBatch, 'patch'>, priors?: readonly Contact[]): Promise<void> {
    const before = priors ? put.map((_, i) => priors[i]) : put.map((contact) => this.contacts.get(contact.id));
    const created: Contact[] = [];
    const patches: ContactPatch[] = [];
    put.forEach((contact, i) => (before[i] ? patches.push(contactPatch(before[i], contact)) : created.push(contact)));
    await this.journal.append({ ...batch, ...(created.length ? { put: created } : {}), ...(patches.length ? { patch: patches } : {}) });
    for (const id of batch.del ?? []) {
      this.unindexEmail(this.contacts.get(id));
      this.contacts.delete(id);
    }
    put.forEach((contact, i) => {
      this.contacts.set(contact.id, contact);
      // Most updates keep their e-mail: its index entry already names this contact.
      if (before[i]?.email === contact.email) return;
      this.unindexEmail(before[i]);
      this.indexEmail(contact);
    });
  }

  async listLicenses(): Promise<License[]> {
    const counts = consumedUnits(this.data.users);
    return this.data.licenses.map((l) => ({ ...l, consumedUnits: counts.get(l.id) ?? 0 }));
  }

  async listLocations(): Promise<Location[]> {
    return clone(this.data.locations);
  }

  async listNumbers(locationId: string): Promise<PhoneNumber[]> {
    const numbers = this.data.numbers.filter((n) => n.locationId === locationId);
    return clone(numbers).sort((a, b) => a.e164.localeCompare(b.e164));
  }

  async listFreeNumbers(locationId: string): Promise<string[]> {
    return (await this.listNumbers(locationId)).filter((n) => n.ownerId === undefined).map((n) => n.e164);
  }

  async listUsers(filter: UserFilter = {}): Promise<User[]> {
    const users = this.data.users.filter(
      (u) =>
        (filter.status === undefined || u.status === filter.status) &&
        (filter.locationId === undefined || u.locationId === filter.locationId),
    );
    return clone(users).sort(byUserName);
  }

  async getUser(id: string): Promise<User | undefined> {
    return clone(this.data.users.find((u) => u.id === id));
  }

  async findUserByEmail(email: string): Promise<User | undefined> {
    return clone(this.data.users.find((u) => emailKey(u.email) === emailKey(email)));
  }

  async createUser(input: NewUser, ctx: WriteContext): Promise<User> {
    const licenseIds = [...new Set(input.licenseIds)];
    checkEmailFree(this.data, input.email);
    checkLicenses(this.data, licenseIds);
    checkCalling(this.data, undefined, input);
    const user = newUserRecord({ ...input, licenseIds }, this.nowIso());
    await this.commit(
      (data) => placeUser(data, user),
      { ctx, action: 'user.create', target: user.email, after: user },
    );
    return clone(user);
  }

  async assignCalling(userId: string, assignment: CallingAssignment, ctx: WriteContext): Promise<{ before: User; after: User }> {
    const before = requireById(this.data.users, userId, 'user');
    checkCalling(this.data, userId, assignment);
    const { locationId, phoneNumber, extension } = assignment;
    const after = compact({ ...before, locationId, phoneNumber, extension });
    await this.commit(
      (data) => placeUser(data, after),
      { ctx, action: 'user.assignCalling', target: before.email, before, after },
    );
    return clone({ before, after });
  }

  async deleteUser(userId: string, ctx: WriteContext): Promise<User> {
    const user = requireById(this.data.users, userId, 'user');
    await this.commit(
      (data) => {
        releaseNumbers(data, userId);
        data.users = data.users.filter((u) => u.id !== userId);
      },
      { ctx, action: 'user.delete', target: user.email, before: user },
    );
    return clone(user);
  }

  async applyUserChanges(changes: UserChanges, ctx: WriteContext, ending?: ImportEnding): Promise<UserChangesResult> {
    const at = this.nowIso();
    // Checked on a copy, change after change: the batch is refused whole, and nothing is touched, if one breaks a rule.
    const draft = clone(this.data);
    const updated = changes.update.map((after) => {
      const before = requireById(draft.users, after.id, 'user');
      const added = after.licenseIds.filter((id) => !before.licenseIds.includes(id));
      const user: User = compact({ ...after, licenseIds: [...new Set(after.licenseIds)] });
      if (emailKey(before.email) !== emailKey(user.email)) checkEmailFree(draft, user.email);
      checkLicenses(draft, added);
      checkCalling(draft, user.id, user);
      placeUser(draft, user);
      return user;
    });
    const created = changes.create.map((input) => {
      const user = newUserRecord(input, at);
      checkEmailFree(draft, user.email);
      checkLicenses(draft, user.licenseIds);
      checkCalling(draft, undefined, user);
      placeUser(draft, user);
      return user;
    });
    const job = ending && this.endedJob(ending, at);
    const audit = this.auditEntry({
      ctx,
      action: 'users.import',
      target: 'users',
      after: { created: created.map((u) => u.email), updated: updated.map((u) => u.email) },
    });
    const writes = created.length > 0 || updated.length > 0;
    if (writes || job) {
      await this.commit(
        (data) => {
          data.users = draft.users;
          data.numbers = draft.numbers;
          if (job) data.importJobs = replaceById(data.importJobs, [job]);
        },
        writes ? audit : undefined,
      );
    }
    return { created: clone(created), updated: clone(updated), ...(job ? { job: clone(job) } : {}) };
  }

  async markInvited(userIds: string[], at: string, ctx: WriteContext): Promise<void> {
    const users = [...new Set(userIds)].map((id) => requireById(this.data.users, id, 'user'));
    if (users.length === 0) return;
    const invited = users.map((u) => ({ ...u, invitedAt: at }));
    await this.commit((data) => (data.users = replaceById(data.users, invited)), {
      ctx,
      action: 'user.invite',
      target: users.map((u) => u.email).join(', '),
      before: users.map(({ email, invitedAt }) => compact({ email, invitedAt })),
      after: invited.map(({ email, invitedAt }) => ({ email, invitedAt })),
    });
  }

  async activateUser(userId: string, ctx: WriteContext): Promise<User> {
    const before = requireById(this.data.users, userId, 'user');
    const after: User = { ...before, status: 'active', activatedAt: this.nowIso() };
    await this.commit((data) => (data.users = replaceById(data.users, [after])), {
      ctx,
      action: 'user.activate',
      target: before.email,
      before,
      after,
    });
    return clone(after);
  }

  async listContacts(): Promise<Contact[]> {
    return [...this.contacts.values()];
  }

  async getContact(id: string): Promise<Contact | undefined> {
    return this.contacts.get(id);
  }

  /** Ids and e-mails from the indexes kept for writes; display name + first number (rarely the key) by a scan. */
  async matchContacts(keys: ContactKeys): Promise<ContactMatches> {
    const pick = (wanted: ReadonlySet<string>, idOf: (key: string) => string | undefined) => {
      const found = new Map<string, Contact>();
      for (const key of wanted) {
        const contact = this.contacts.get(idOf(key) ?? '');
        if (contact) found.set(key, contact);
      }
      return found;
    };
    // Display name + first number has no index: those keys are matched by a scan, when rows ask for them.
    const scanned = keys.namePhones.size ? matchByScan(this.contacts.values(), { ...keys, ids: new Set(), emails: new Set() }) : undefined;
    return {
      byId: pick(keys.ids, (id) => id),
      byEmail: pick(keys.emails, (email) => this.contactByEmail.get(email)),
      byNamePhone: scanned?.byNamePhone ?? new Map(),
      sharedNamePhones: scanned?.sharedNamePhones,
    };
  }

  applyContactChanges(changes: ContactChanges, ctx: WriteContext, ending?: ImportEnding): Promise<ContactChangesResult> {
    return this.serialContactWrite(async () => {
      const listIds = new Set(this.data.distributionLists.map((l) => l.id));
      const priors = checkContactChanges(changes, this.contacts, (email) => this.contactByEmail.get(email), (groupId) => listIds.has(groupId));
      const at = this.nowIso();
      const created = changes.create.map((c) => storedContact(c, { id: randomUUID(), createdAt: at, updatedAt: at }));
      const updated = changes.update.map((c, i) => storedContact(c, { id: c.id, createdAt: priors[i].createdAt, updatedAt: at }));
      const deleted = [...new Set(changes.delete)];
      const audit = this.auditEntry(contactsAudit(ctx, !!ending, { created, updated, deleted }, this.contacts));
      const job = ending && this.endedJob(ending, at);
      const put = [...updated, ...created];
      const writes = put.length > 0 || deleted.length > 0;
      if (writes) await this.writeContacts(compact({ at, put, del: deleted.length ? deleted : undefined, job, audit }), priors);
      // org.json after the journal: a crash in between is mended on the next open from the batch's job and audit.
      if (writes || job) await this.commit((data) => job && (data.importJobs = replaceById(data.importJobs, [job])), writes ? audit : undefined);
      return { created, updated, deleted, ...(job ? { job: clone(job) } : {}) };
    });
  }

  private endedJob({ jobId, counts }: ImportEnding, at: string): ImportJob {
    const job = requireById(this.data.importJobs, jobId, 'import job');
    return { ...job, status: 'done', endedAt: at, counts: { ...counts } };
  }

  async listDistributionLists(): Promise<DistributionList[]> {
    return clone(this.data.distributionLists);
  }

  async createDistributionList(name: string, description: string | undefined, ctx: WriteContext): Promise<DistributionList> {
    const trimmed = name.trim();
    this.refuseTakenListName(trimmed);
    const list: DistributionList = compact({ id: randomUUID(), name: trimmed, description, createdAt: this.nowIso() });
    await this.commit((data) => data.distributionLists.push(list), {
      ctx,
      action: 'list.create',
      target: list.name,
      after: list,
    });
    return clone(list);
  }

  async updateDistributionList(id: string, patch: ListPatch, ctx: WriteContext): Promise<DistributionList> {
    const list = requireById(this.data.distributionLists, id, 'distribution list');
    const name = patch.name?.trim() || list.name;
    this.refuseTakenListName(name, id);
    const description = patch.description === undefined ? list.description : patch.description.trim() || undefined;
    const updated: DistributionList = compact({ ...list, name, description });
    await this.commit((data) => (data.distributionLists = replaceById(data.distributionLists, [updated])), {
      ctx,
      action: 'list.update',
      target: list.name,
      before: list,
      after: updated,
    });
    return clone(updated);
  }

  changeListMembers(id: string, change: MemberChange, ctx: WriteContext): Promise<MemberChangeResult> {
    return this.serialContactWrite(async () => {
      const list = requireById(this.data.distributionLists, id, 'distribution list');
      const contactOf = (contactId: string) => this.contacts.get(contactId) ?? throwError(notFound('contact', contactId));
      const removing = new Set(change.remove);
      const adding = [...new Set(change.add)].filter((c) => !removing.has(c));
      const added = adding.map(contactOf).filter((c) => !c.groupIds.includes(id));
      const removed = [...removing].map(contactOf).filter((c) => c.groupIds.includes(id));
      const full = added.filter((c) => c.groupIds.length >= MAX_LISTS_PER_CONTACT);
      if (full.length) {
        throw new DirectoryError('too_many_lists', `${full[0].displayName} already belongs to ${MAX_LISTS_PER_CONTACT} lists.`, {
          contactId: full[0].id,
          name: full[0].displayName,
          max: MAX_LISTS_PER_CONTACT,
        });
      }
      const at = this.nowIso();
      const put = [
        ...added.map((c) => freezeContact({ ...c, groupIds: [...c.groupIds, id], updatedAt: at })),
        ...removed.map((c) => freezeContact({ ...c, groupIds: c.groupIds.filter((g) => g !== id), updatedAt: at })),
      ];
      const result = { added: added.map((c) => c.id), removed: removed.map((c) => c.id) };
      if (!put.length) return result;
      const audit = this.auditEntry({
        ctx,
        action: 'list.members',
        target: list.name,
        after: { added: added.map((c) => c.displayName), removed: removed.map((c) => c.displayName) },
      });
      await this.writeContacts({ at, put, audit });
      await this.commit(() => undefined, audit);
      return result;
    });
  }

  private refuseTakenListName(name: string, exceptId?: string): void {
    const existing = this.data.distributionLists.find((l) => l.id !== exceptId && l.name.toLowerCase() === name.toLowerCase());
    if (existing) {
      throw new DirectoryError('list_name_taken', `A distribution list named ${existing.name} already exists.`, {
        name: existing.name,
        listId: existing.id,
      });
    }
  }

  deleteDistributionList(id: string, ctx: WriteContext): Promise<void> {
    return this.serialContactWrite(async () => {
      const list = requireById(this.data.distributionLists, id, 'distribution list');
      const at = this.nowIso();
      // Members stay contacts: only their membership goes, written before the list itself.
      const members = [...this.contacts.values()]
        .filter((c) => c.groupIds.includes(id))
        .map((c) => freezeContact({ ...c, groupIds: c.groupIds.filter((g) => g !== id), updatedAt: at }));
      if (members.length) await this.writeContacts({ at, put: members });
      await this.commit((data) => (data.distributionLists = data.distributionLists.filter((l) => l.id !== id)), {
        ctx,
        action: 'list.delete',
        target: list.name,
        before: { ...list, members: members.length },
      });
    });
  }

  async createImportJob(input: NewImportJob): Promise<ImportJob> {
    const job = startImportJob(this.data.importJobs, input, this.nowIso());
    await this.commit((data) => data.importJobs.push(job));
    return clone(job);
  }

  async updateImportJob(id: string, patch: Partial<Omit<ImportJob, 'id'>>): Promise<ImportJob> {
    const job = requireById(this.data.importJobs, id, 'import job');
    const updated: ImportJob = compact({ ...job, ...clone(patch), id });
    await this.commit((data) => (data.importJobs = replaceById(data.importJobs, [updated])));
    return clone(updated);
  }

  async listImportJobs(): Promise<ImportJob[]> {
    return clone(this.data.importJobs).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  async listAudit(since?: string): Promise<AuditEntry[]> {
    const entries = this.data.audit.filter((e) => since === undefined || e.at >= since);
    return clone(entries).sort((a, b) => a.at.localeCompare(b.at));
  }

  async close(): Promise<void> {
    await this.contactWrites;
    await Promise.all([this.pending, this.journal.close()]);
  }
}
