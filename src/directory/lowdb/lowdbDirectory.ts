import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type {
  AuditEntry,
  Contact,
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
  type CallingAssignment,
  type ContactChanges,
  type ContactChangesResult,
  type Directory,
  type NewImportJob,
  type NewUser,
  type UserFilter,
} from '../directory';
import { SCHEMA_VERSION, type OrgData } from './schema';
import { sandboxSeed } from './seed';

export interface LowdbDirectoryOptions {
  /** Builds the org written to a fresh data directory (default: the sandbox org). */
  seed?: (now: Date) => OrgData;
  now?: () => Date;
}

/**
 * Opens (or, when `${dataDir}/org.json` does not exist yet, seeds) the
 * embedded org. One process owns a data directory: two Directory instances on
 * the same file would overwrite each other's writes.
 */
export async function openLowdbDirectory(dataDir: string, options: LowdbDirectoryOptions = {}): Promise<Directory> {
  const now = options.now ?? (() => new Date());
  const file = path.join(dataDir, 'org.json');
  await mkdir(dataDir, { recursive: true });
  // Compact JSON: with 100,000 contacts, indentation alone doubles the file rewritten on every write.
  const adapter = new DataFile<OrgData>(file, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) });
  const existing = await readOrgFile(adapter, file);
  existing?.contacts.forEach(freezeContact);
  const db = new Low<OrgData>(adapter, existing ?? (options.seed ?? sandboxSeed)(now()));
  if (!existing) await db.write();
  return new LowdbDirectory(db, now);
}

async function readOrgFile(adapter: DataFile<OrgData>, file: string): Promise<OrgData | null> {
  let data: OrgData | null;
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

interface AuditInput {
  ctx: WriteContext;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

type CallingFields = Pick<User, 'locationId' | 'phoneNumber' | 'extension'>;

const collator = new Intl.Collator('fr', { sensitivity: 'base' });
const clone = <T>(value: T): T => structuredClone(value);

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
const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Drops undefined properties, so that memory and the JSON file hold the same keys. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function notFound(kind: string, id: string): DirectoryError {
  return new DirectoryError('not_found', `No ${kind} with id ${id}.`, { kind, id });
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

function checkEmailFree(data: OrgData, email: string): void {
  const owner = data.users.find((u) => normalizeEmail(u.email) === normalizeEmail(email));
  if (owner) {
    throw new DirectoryError('email_taken', `E-mail ${email} is already used by ${owner.displayName}.`, {
      email: owner.email,
      userId: owner.id,
      displayName: owner.displayName,
    });
  }
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

/** The location exists, the number is free in its pool (or already `userId`'s), the extension is unused there. */
function checkCalling(data: OrgData, userId: string | undefined, { locationId, phoneNumber, extension }: CallingFields): void {
  if (locationId !== undefined) requireById(data.locations, locationId, 'location');
  if (phoneNumber !== undefined) {
    const number = data.numbers.find((n) => n.e164 === phoneNumber && n.locationId === locationId);
    if (!number || (number.ownerId !== undefined && number.ownerId !== userId)) {
      throw new DirectoryError('number_not_free', `Number ${phoneNumber} is not free in this location.`, {
        phoneNumber,
        locationId,
        ...(number?.ownerId ? { ownerId: number.ownerId } : {}),
      });
    }
  }
  if (extension !== undefined) {
    const owner = data.users.find((u) => u.id !== userId && u.locationId === locationId && u.extension === extension);
    if (owner) {
      throw new DirectoryError('extension_taken', `Extension ${extension} is already used in this location.`, {
        extension,
        locationId,
        userId: owner.id,
      });
    }
  }
}

function releaseNumbers(data: OrgData, userId: string): void {
  for (const n of data.numbers) if (n.ownerId === userId) delete n.ownerId;
}

function takeNumber(data: OrgData, user: User): void {
  const number = data.numbers.find((n) => n.e164 === user.phoneNumber && n.locationId === user.locationId);
  if (number) number.ownerId = user.id;
}

/**
 * Every write validates against `db.data` first, then mutates it
 * synchronously and writes once: no await separates the check from the
 * mutation, so a concurrent caller always validates against the winner's data.
 */
class LowdbDirectory implements Directory {
  readonly backend = 'lowdb' as const;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Low<OrgData>,
    private readonly now: () => Date,
  ) {}

  private get data(): OrgData {
    return this.db.data;
  }

  private nowIso(): string {
    return this.now().toISOString();
  }

  private async commit(mutate: (data: OrgData) => void, audit?: AuditInput): Promise<void> {
    mutate(this.data);
    if (audit) {
      const { ctx, action, target, before, after } = audit;
      const entry: AuditEntry = { id: randomUUID(), at: this.nowIso(), actor: { ...ctx.actor }, flow: ctx.flow, action, target };
      this.data.audit.push(compact({ ...entry, before: clone(before), after: clone(after) }));
    }
    const write = this.db.write();
    this.pending = write.catch(() => undefined);
    await write;
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
    return clone(users).sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName));
  }

  async getUser(id: string): Promise<User | undefined> {
    return clone(this.data.users.find((u) => u.id === id));
  }

  async findUserByEmail(email: string): Promise<User | undefined> {
    return clone(this.data.users.find((u) => normalizeEmail(u.email) === normalizeEmail(email)));
  }

  async createUser(input: NewUser, ctx: WriteContext): Promise<User> {
    const licenseIds = [...new Set(input.licenseIds)];
    checkEmailFree(this.data, input.email);
    checkLicenses(this.data, licenseIds);
    checkCalling(this.data, undefined, input);
    const at = this.nowIso();
    const user: User = compact({
      id: randomUUID(),
      email: input.email.trim(),
      firstName: input.firstName,
      lastName: input.lastName,
      displayName: input.displayName ?? `${input.firstName} ${input.lastName}`,
      status: 'pending',
      licenseIds,
      locationId: input.locationId,
      phoneNumber: input.phoneNumber,
      extension: input.extension,
      createdAt: at,
      invitedAt: at,
    });
    await this.commit(
      (data) => {
        data.users.push(user);
        takeNumber(data, user);
      },
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
      (data) => {
        releaseNumbers(data, userId);
        takeNumber(data, after);
        data.users = replaceById(data.users, [after]);
      },
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
    return [...this.data.contacts];
  }

  async getContact(id: string): Promise<Contact | undefined> {
    return this.data.contacts.find((c) => c.id === id);
  }

  async applyContactChanges(changes: ContactChanges, ctx: WriteContext): Promise<ContactChangesResult> {
    const indexById = new Map(this.data.contacts.map((c, i) => [c.id, i]));
    const listIds = new Set(this.data.distributionLists.map((l) => l.id));
    for (const { id } of changes.update) if (!indexById.has(id)) throw notFound('contact', id);
    for (const id of changes.delete) if (!indexById.has(id)) throw notFound('contact', id);
    for (const contact of [...changes.create, ...changes.update]) {
      for (const groupId of contact.groupIds) if (!listIds.has(groupId)) throw notFound('distribution list', groupId);
    }

    const at = this.nowIso();
    const created: Contact[] = changes.create.map((c) =>
      freezeContact(compact({ ...clone(c), id: randomUUID(), createdAt: at, updatedAt: at })),
    );
    const updated: Contact[] = changes.update.map((c) =>
      freezeContact(compact({ ...clone(c), createdAt: this.data.contacts[indexById.get(c.id)!].createdAt, updatedAt: at })),
    );
    const deleted = new Set(changes.delete);
    await this.commit(
      (data) => {
        for (const contact of updated) data.contacts[indexById.get(contact.id)!] = contact;
        data.contacts = data.contacts.filter((c) => !deleted.has(c.id)).concat(created);
      },
      {
        ctx,
        action: 'contacts.apply',
        target: 'contacts',
        after: { created: created.length, updated: updated.length, deleted: deleted.size },
      },
    );
    return { created, updated, deleted: [...deleted] };
  }

  async listDistributionLists(): Promise<DistributionList[]> {
    return clone(this.data.distributionLists);
  }

  async createDistributionList(name: string, description: string | undefined, ctx: WriteContext): Promise<DistributionList> {
    const trimmed = name.trim();
    const existing = this.data.distributionLists.find((l) => l.name.toLowerCase() === trimmed.toLowerCase());
    if (existing) {
      throw new DirectoryError('list_name_taken', `A distribution list named ${existing.name} already exists.`, {
        name: existing.name,
        listId: existing.id,
      });
    }
    const list: DistributionList = compact({ id: randomUUID(), name: trimmed, description, createdAt: this.nowIso() });
    await this.commit((data) => data.distributionLists.push(list), {
      ctx,
      action: 'list.create',
      target: list.name,
      after: list,
    });
    return clone(list);
  }

  async deleteDistributionList(id: string, ctx: WriteContext): Promise<void> {
    const list = requireById(this.data.distributionLists, id, 'distribution list');
    const at = this.nowIso();
    const isMember = (c: Contact) => c.groupIds.includes(id);
    const members = this.data.contacts.filter(isMember).length;
    await this.commit(
      (data) => {
        data.distributionLists = data.distributionLists.filter((l) => l.id !== id);
        // Members stay contacts: only their membership goes.
        data.contacts = data.contacts.map((c) =>
          isMember(c) ? freezeContact({ ...c, groupIds: c.groupIds.filter((g) => g !== id), updatedAt: at }) : c,
        );
      },
      { ctx, action: 'list.delete', target: list.name, before: { ...list, members } },
    );
  }

  async createImportJob(input: NewImportJob): Promise<ImportJob> {
    const job: ImportJob = {
      id: randomUUID(),
      kind: input.kind,
      by: input.by,
      fileName: input.fileName,
      startedAt: this.nowIso(),
      status: 'running',
      counts: { created: 0, updated: 0, unchanged: 0, failed: 0 },
    };
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
    await this.pending;
  }
}
