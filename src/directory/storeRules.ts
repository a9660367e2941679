import { randomUUID } from 'node:crypto';
import type { AuditEntry, Contact, ImportJob, Location, PhoneNumber, User, WriteContext } from '../domain/types';
import type { ContactData } from '../domain/contactFields';
import { emailKey } from '../domain/contactMerge';
import { DirectoryError, type ContactChanges, type NewImportJob } from './directory';

export const clone = <T>(value: T): T => structuredClone(value);

/** Drops undefined properties, so that memory and the JSON file hold the same keys. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** Users in the order both backends list them: last name, then first name. */
export const byUserName = (a: User, b: User): number => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);

export function notFound(kind: string, id: string): DirectoryError {
  return new DirectoryError('not_found', `No ${kind} with id ${id}.`, { kind, id });
}

/** What an audit entry records of a write, besides who and when. */
export interface AuditInput {
  ctx: WriteContext;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

/** An audit entry of both backends: its own copies of before and after, no undefined key. */
export function auditEntry({ ctx, action, target, before, after }: AuditInput, at: string): AuditEntry {
  return compact({ id: randomUUID(), at, actor: { ...ctx.actor }, flow: ctx.flow, action, target, before: clone(before), after: clone(after) });
}

/** A contact as the audit shows it: its fields, without id and timestamps. */
function auditedContact({ id: _id, createdAt: _c, updatedAt: _u, ...fields }: Contact): Omit<Contact, 'id' | 'createdAt' | 'updatedAt'> {
  return fields;
}

/**
 * The audit of a contacts write: an import (or a mixed batch) by its counts;
 * one contact changed by hand with before and after; several deleted ones by
 * name. `prior` holds the contacts as they were before the write.
 */
export function contactsAudit(
  ctx: WriteContext,
  isImport: boolean,
  { created, updated, deleted }: { created: Contact[]; updated: Contact[]; deleted: string[] },
  prior: ReadonlyMap<string, Contact>,
): AuditInput {
  if (isImport || created.length + updated.length + deleted.length !== 1) {
    if (isImport || created.length || updated.length) {
      return { ctx, action: 'contacts.apply', target: 'contacts', after: { created: created.length, updated: updated.length, deleted: deleted.length } };
    }
    const gone = deleted.map((id) => prior.get(id)!);
    return { ctx, action: 'contacts.delete', target: gone.map((c) => c.displayName).join(', '), before: { contacts: gone.length } };
  }
  if (created.length) return { ctx, action: 'contact.create', target: created[0].displayName, after: auditedContact(created[0]) };
  if (updated.length) {
    const before = prior.get(updated[0].id)!;
    return { ctx, action: 'contact.update', target: before.displayName, before: auditedContact(before), after: auditedContact(updated[0]) };
  }
  const gone = prior.get(deleted[0])!;
  return { ctx, action: 'contact.delete', target: gone.displayName, before: auditedContact(gone) };
}

/** No user other than `exceptId` holds the e-mail (email_taken). */
export function checkEmailFree(org: { users: readonly User[] }, email: string, exceptId?: string): void {
  const owner = org.users.find((u) => u.id !== exceptId && emailKey(u.email) === emailKey(email));
  if (owner) {
    throw new DirectoryError('email_taken', `E-mail ${email} is already used by ${owner.displayName}.`, {
      email: owner.email,
      userId: owner.id,
      displayName: owner.displayName,
    });
  }
}

/** Records a user as the org should now hold them, in place: their old number freed, the new one taken. */
export function placeUser(org: { users: User[]; numbers: PhoneNumber[] }, user: User): void {
  for (const n of org.numbers) if (n.ownerId === user.id) delete n.ownerId;
  const at = org.users.findIndex((u) => u.id === user.id);
  if (at >= 0) org.users[at] = user;
  else org.users.push(user);
  const number = org.numbers.find((n) => n.e164 === user.phoneNumber && n.locationId === user.locationId);
  if (number) number.ownerId = user.id;
}

/**
 * Ids exist, lists are known (`listAllowed`), and no e-mail ends up on two
 * contacts: the planner checked, the store makes sure at write time.
 * `holderOf` gives the id of the contact holding an e-mail now. Returns the
 * contacts the updates replace, in the same order.
 */
export function checkContactChanges(
  changes: ContactChanges,
  contacts: ReadonlyMap<string, Contact>,
  holderOf: (email: string) => string | undefined,
  listAllowed: (groupId: string, contactId: string) => boolean,
): Contact[] {
  const priors = changes.update.map(({ id }) => contacts.get(id) ?? throwError(notFound('contact', id)));
  for (const id of changes.delete) if (!contacts.has(id)) throw notFound('contact', id);
  const leaving = new Set(changes.delete);
  for (const { id } of changes.update) leaving.add(id);
  const claimed = new Map<string, string>();
  const claim = (contact: ContactData, id: string, prior?: Contact) => {
    for (const groupId of contact.groupIds) if (!listAllowed(groupId, id)) throw notFound('distribution list', groupId);
    if (!contact.email) return;
    const email = emailKey(contact.email);
    // Most updates keep their e-mail: the contact holds it already, and a lookup among 100,000 is spared.
    const holder = prior?.email === contact.email ? id : holderOf(email);
    const heldElsewhere = holder !== undefined && holder !== id && !leaving.has(holder);
    if (heldElsewhere || (claimed.has(email) && claimed.get(email) !== id)) {
      throw new DirectoryError('email_taken', `E-mail ${contact.email} is already used by another contact.`, {
        email: contact.email,
        ...(heldElsewhere ? { contactId: holder } : {}),
      });
    }
    claimed.set(email, id);
  };
  changes.create.forEach((contact, index) => claim(contact, `new-${index}`));
  changes.update.forEach((contact, index) => claim(contact, contact.id, priors[index]));
  return priors;
}

/** Throws `error`: for a lookup's `?? throwError(...)`. */
export function throwError(error: Error): never {
  throw error;
}

/** What the calling rules read of an org: both backends check a write against it. */
export interface CallingView {
  locations: Location[];
  numbers: PhoneNumber[];
  users: User[];
}

/** The location exists, the number is free in its pool (or already `userId`'s), the extension is unused there. */
export function checkCalling(org: CallingView, userId: string | undefined, calling: Pick<User, 'locationId' | 'phoneNumber' | 'extension'>): void {
  const { locationId, phoneNumber, extension } = calling;
  if (locationId !== undefined && !org.locations.some((l) => l.id === locationId)) {
    throw new DirectoryError('not_found', `No location with id ${locationId}.`, { kind: 'location', id: locationId });
  }
  if (phoneNumber !== undefined) {
    const number = org.numbers.find((n) => n.e164 === phoneNumber && n.locationId === locationId);
    if (!number || (number.ownerId !== undefined && number.ownerId !== userId)) {
      throw new DirectoryError('number_not_free', `Number ${phoneNumber} is not free in this location.`, {
        phoneNumber,
        locationId,
        ...(number?.ownerId ? { ownerId: number.ownerId } : {}),
      });
    }
  }
  if (extension !== undefined) {
    const owner = org.users.find((u) => u.id !== userId && u.locationId === locationId && u.extension === extension);
    if (owner) {
      throw new DirectoryError('extension_taken', `Extension ${extension} is already used in this location.`, { extension, locationId, userId: owner.id });
    }
  }
}

/** A new running import job, or import_running (naming who started the one under way, and when). */
export function startImportJob(jobs: readonly ImportJob[], input: NewImportJob, at: string): ImportJob {
  const running = jobs.find((j) => j.status === 'running');
  if (running) {
    throw new DirectoryError('import_running', `An import started by ${running.by} at ${running.startedAt} is still running.`, {
      jobId: running.id,
      by: running.by,
      startedAt: running.startedAt,
    });
  }
  return {
    id: randomUUID(),
    kind: input.kind,
    by: input.by,
    fileName: input.fileName,
    ...(input.importId ? { importId: input.importId } : {}),
    startedAt: at,
    status: 'running',
    counts: { created: 0, updated: 0, unchanged: 0, failed: 0 },
  };
}
