import { createReadStream } from 'node:fs';
import { open, rename, stat, truncate, type FileHandle } from 'node:fs/promises';
import { sameAddress, sameIds, samePhones } from '../../domain/contactMerge';
import type { AuditEntry, Contact, ImportJob } from '../../domain/types';

/**
 * One line of contacts.jsonl: contacts put (created, or written whole),
 * contacts patched and ids deleted, written together. An import's batch also
 * carries its job as it ended and its audit entry, so that a crash between
 * this append and the org.json write loses neither.
 */
export interface ContactBatch {
  at: string;
  put?: Contact[];
  patch?: ContactPatch[];
  del?: string[];
  job?: ImportJob;
  audit?: AuditEntry;
}

/**
 * An updated contact as the journal writes it: its id and the fields that
 * changed, null for a field removed. The benchmark's import (10,000 rows, a
 * third of them updates) appended 3.0 MB with whole contacts, 2.1 MB with
 * patches.
 */
export type ContactPatch = { id: string } & { [Field in Exclude<keyof Contact, 'id'>]?: Contact[Field] | null };

export interface JournalContents {
  contacts: Map<string, Contact>;
  /** Jobs and audit entries carried by batches, for reconciling org.json after a crash. */
  jobs: Map<string, { job: ImportJob; audit?: AuditEntry }>;
  /** Contact versions stored in the file (puts + deletes): compaction is due when far above the live count. */
  versions: number;
}

const SNAPSHOT_CHUNK = 1000;

/**
 * Contacts are many and imports write thousands at once: rewriting every
 * contact on every import cost a second per 100,000. They live in an
 * append-only journal instead, one line per write, replayed on open and
 * compacted when it has grown well past the live contacts.
 */
export class ContactJournal {
  private pending: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Replays the journal; a last line cut short by a crash is dropped (that write never happened). */
  async read(freeze: (contact: Contact) => Contact): Promise<JournalContents> {
    const contents: JournalContents = { contacts: new Map(), jobs: new Map(), versions: 0 };
    const replay = (line: string, number: number) => {
      let batch: ContactBatch;
      try {
        batch = JSON.parse(line);
      } catch (err) {
        throw new Error(`Contacts file ${this.file} line ${number} is not valid JSON (${(err as Error).message}).`);
      }
      for (const contact of batch.put ?? []) contents.contacts.set(contact.id, freeze(contact));
      for (const patch of batch.patch ?? []) {
        const contact = contents.contacts.get(patch.id);
        if (!contact) throw new Error(`Contacts file ${this.file} line ${number} changes contact ${patch.id}, which no line before it created.`);
        contents.contacts.set(patch.id, freeze(patched(contact, patch)));
      }
      for (const id of batch.del ?? []) contents.contacts.delete(id);
      if (batch.job) contents.jobs.set(batch.job.id, { job: batch.job, audit: batch.audit });
      contents.versions += (batch.put?.length ?? 0) + (batch.patch?.length ?? 0) + (batch.del?.length ?? 0);
    };
    let partial: number;
    try {
      partial = await forEachLine(this.file, replay);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return contents;
      throw err;
    }
    if (partial) {
      const { size } = await stat(this.file);
      await truncate(this.file, size - partial);
    }
    return contents;
  }

  /** Appends one batch and waits until it is on disk; appends are written in call order. */
  append(batch: ContactBatch): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(batch)}\n`);
    const write = this.pending.then(async () => {
      const handle = await open(this.file, 'a');
      try {
        await writeAll(handle, line);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    });
    this.pending = write.catch(() => undefined);
    return write;
  }

  /** Appends many contacts in lines of SNAPSHOT_CHUNK, so that no line grows huge. */
  async appendContacts(contacts: Contact[], at: string): Promise<void> {
    for (const put of chunks(contacts)) await this.append({ at, put });
  }

  /** Rewrites the journal as the live contacts only, through a temporary file and a rename. */
  async compact(contacts: Iterable<Contact>, at: string): Promise<void> {
    const lines = chunks([...contacts]).map((put) => JSON.stringify({ at, put }));
    const temp = `${this.file}.tmp`;
    await this.pending;
    const handle = await open(temp, 'w');
    try {
      await writeAll(handle, Buffer.from(lines.map((l) => `${l}\n`).join('')));
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
  }

  close(): Promise<void> {
    return this.pending;
  }
}

/** What changed from `before` to `after` (the same contact): each field compared as the store holds it. */
export function contactPatch(before: Contact, after: Contact): ContactPatch {
  const patch: ContactPatch = { id: after.id };
  if (before.displayName !== after.displayName) patch.displayName = after.displayName;
  if (before.firstName !== after.firstName) patch.firstName = after.firstName ?? null;
  if (before.lastName !== after.lastName) patch.lastName = after.lastName ?? null;
  if (before.email !== after.email) patch.email = after.email ?? null;
  if (before.sipUri !== after.sipUri) patch.sipUri = after.sipUri ?? null;
  if (before.title !== after.title) patch.title = after.title ?? null;
  if (before.companyName !== after.companyName) patch.companyName = after.companyName ?? null;
  if (!samePhones(before.phoneNumbers, after.phoneNumbers)) patch.phoneNumbers = after.phoneNumbers;
  if (!sameIds(before.groupIds, after.groupIds)) patch.groupIds = after.groupIds;
  if (!before.address !== !after.address || !sameAddress(before.address, after.address)) patch.address = after.address ?? null;
  if (before.createdAt !== after.createdAt) patch.createdAt = after.createdAt;
  if (before.updatedAt !== after.updatedAt) patch.updatedAt = after.updatedAt;
  return patch;
}

/** `contact` with the patch's fields: a null field is removed. */
export function patched(contact: Contact, patch: ContactPatch): Contact {
  const result: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(contact)) if (!(field in patch)) result[field] = value;
  for (const [field, value] of Object.entries(patch)) if (value !== null) result[field] = value;
  return result as unknown as Contact;
}

/** As few write calls as the system allows: FileHandle.writeFile writes 512 KiB at a time, each a trip to the thread pool. */
async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  for (let written = 0; written < bytes.length; ) written += (await handle.write(bytes, written)).bytesWritten;
}

function chunks(contacts: Contact[]): Contact[][] {
  const result: Contact[][] = [];
  for (let i = 0; i < contacts.length; i += SNAPSHOT_CHUNK) result.push(contacts.slice(i, i + SNAPSHOT_CHUNK));
  return result;
}

/**
 * Streams the file's complete lines (never the whole file in memory); returns
 * how many bytes follow the last newline. Bytes, not text: a line cut inside
 * an accented character must be measured as the bytes it has on disk.
 */
async function forEachLine(file: string, handle: (line: string, number: number) => void): Promise<number> {
  let rest: Buffer = Buffer.alloc(0);
  let number = 0;
  for await (const chunk of createReadStream(file)) {
    const bytes = rest.length ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
      handle(bytes.toString('utf8', start, end), ++number);
      start = end + 1;
    }
    rest = bytes.subarray(start);
  }
  return rest.length;
}
