import { randomUUID } from 'node:crypto';
import type { Contact, ImportJob, Location, PhoneNumber, User } from '../domain/types';
import { DirectoryError, type ContactChanges, type NewImportJob } from './directory';

export function notFound(kind: string, id: string): DirectoryError {
  return new DirectoryError('not_found', `No ${kind} with id ${id}.`, { kind, id });
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Ids exist, lists are known (`listAllowed`), and no e-mail ends up on two
 * contacts: the planner checked, the store makes sure at write time.
 * `holderOf` gives the id of the contact holding an e-mail now.
 */
export function checkContactChanges(
  changes: ContactChanges,
  contacts: ReadonlyMap<string, Contact>,
  holderOf: (email: string) => string | undefined,
  listAllowed: (groupId: string, contactId: string) => boolean,
): void {
  for (const { id } of changes.update) if (!contacts.has(id)) throw notFound('contact', id);
  for (const id of changes.delete) if (!contacts.has(id)) throw notFound('contact', id);
  const leaving = new Set([...changes.update.map((c) => c.id), ...changes.delete]);
  const claimed = new Map<string, string>();
  for (const [index, contact] of [...changes.create, ...changes.update].entries()) {
    const id = 'id' in contact ? (contact.id as string) : `new-${index}`;
    for (const groupId of contact.groupIds) if (!listAllowed(groupId, id)) throw notFound('distribution list', groupId);
    if (!contact.email) continue;
    const email = normalizeEmail(contact.email);
    const holder = holderOf(email);
    const heldElsewhere = holder !== undefined && holder !== id && !leaving.has(holder);
    if (heldElsewhere || (claimed.has(email) && claimed.get(email) !== id)) {
      throw new DirectoryError('email_taken', `E-mail ${contact.email} is already used by another contact.`, {
        email: contact.email,
        ...(heldElsewhere ? { contactId: holder } : {}),
      });
    }
    claimed.set(email, id);
  }
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
    startedAt: at,
    status: 'running',
    counts: { created: 0, updated: 0, unchanged: 0, failed: 0 },
  };
}
