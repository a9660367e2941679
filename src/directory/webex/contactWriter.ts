import type { Contact } from '../../domain/types';
import { WebexApiError } from '../../webexApi/errors';
import type { WebexClient } from '../../webexApi/client';
import type { ContactFailure, NewContact } from '../directory';
import { CONTACT_SCHEMA, contactBody, contactOf, fingerprint, type WebexContact } from './mapping';

interface BulkAnswer {
  contacts?: Array<WebexContact | null>;
  failedContacts?: Array<{ id: string | number; errorCode?: string; errorMessage?: string; statusCode?: number }>;
}

export interface BulkOutcome {
  created: Contact[];
  updated: Contact[];
  deleted: string[];
  failed: ContactFailure[];
}

/** Rounds of "look up what a lost answer created, send the rest again". */
const MAX_CREATE_ROUNDS = 4;

const chunksOf = <T>(items: T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

const ambiguous = (error: unknown) => error instanceof WebexApiError && (error.kind === 'server' || error.kind === 'timeout' || error.kind === 'network');

/**
 * Contacts in bulk requests of `chunkSize`. Updates (they name their
 * contactId) and deletes are safe to repeat; a create whose answer is lost
 * is never sent again blindly: the org is read again and the contacts that
 * did get created are recognised (name, e-mail, first number) before the
 * others are sent again.
 */
export class ContactWriter {
  constructor(
    private readonly client: WebexClient,
    private readonly base: string,
    private readonly chunkSize: number,
    private readonly listAll: () => Promise<Contact[]>,
  ) {}

  async write(create: NewContact[], update: Contact[], remove: string[], knownIds: Set<string>): Promise<BulkOutcome> {
    const outcome: BulkOutcome = { created: [], updated: [], deleted: [], failed: [] };
    const updated: Array<Contact | undefined> = [];
    const tasks: Promise<void>[] = [];
    for (const [chunkIndex, chunk] of chunksOf(update, this.chunkSize).entries()) {
      tasks.push(
        this.bulk(chunk.map((c) => contactBody(c, c.id)), true).then((answer) =>
          this.collect(answer, chunk.length, chunkIndex * this.chunkSize, 'update', outcome.failed, (i, c) => (updated[i] = c)),
        ),
      );
    }
    for (const chunk of chunksOf(remove, this.chunkSize)) {
      tasks.push(
        this.client
          .request('POST', `${this.base}/contacts/bulk/delete`, { body: { schemas: CONTACT_SCHEMA, objectIds: chunk }, idempotent: true })
          .then(() => void outcome.deleted.push(...chunk)),
      );
    }
    tasks.push(this.createAll(create, knownIds, outcome));
    await Promise.all(tasks);
    outcome.updated = updated.filter((c): c is Contact => c !== undefined);
    return outcome;
  }

  private async createAll(create: NewContact[], knownIds: Set<string>, outcome: BulkOutcome): Promise<void> {
    const created: Array<Contact | undefined> = [];
    let pending = create.map((_, index) => index);
    for (let round = 1; pending.length; round++) {
      const lost: number[] = [];
      let lastError: unknown;
      await Promise.all(
        chunksOf(pending, this.chunkSize).map(async (indexes) => {
          try {
            const answer = await this.bulk(indexes.map((i) => contactBody(create[i])), false);
            this.collect(answer, indexes.length, 0, 'create', outcome.failed, (index, c) => (created[index] = c), (i) => indexes[i]);
          } catch (error) {
            if (!ambiguous(error)) throw error;
            lastError = error;
            lost.push(...indexes);
          }
        }),
      );
      if (!lost.length) break;
      // Which of the lost items exist now? Contacts not seen before, matched one for one.
      for (const contact of created) if (contact) knownIds.add(contact.id);
      const fresh = new Map<string, Contact[]>();
      for (const contact of await this.listAll()) {
        if (knownIds.has(contact.id)) continue;
        const key = fingerprint(contact);
        fresh.set(key, [...(fresh.get(key) ?? []), contact]);
      }
      pending = [];
      for (const index of lost) {
        const match = fresh.get(fingerprint(create[index]))?.shift();
        if (match) {
          created[index] = match;
          knownIds.add(match.id);
        } else pending.push(index);
      }
      if (pending.length && round >= MAX_CREATE_ROUNDS) {
        for (const index of pending) outcome.failed.push({ kind: 'create', index, code: 'webex_unavailable', message: (lastError as Error).message });
        break;
      }
    }
    outcome.created = created.filter((c): c is Contact => c !== undefined);
  }

  private async bulk(contacts: Array<Record<string, unknown>>, idempotent: boolean): Promise<BulkAnswer> {
    const answer = await this.client.request<BulkAnswer>('POST', `${this.base}/contacts/bulk`, {
      body: { schemas: CONTACT_SCHEMA, contacts },
      idempotent,
    });
    return answer.body ?? {};
  }

  /** Puts each answered contact at its place; each failed item is named by its position in the whole change. */
  private collect(
    answer: BulkAnswer,
    count: number,
    offset: number,
    kind: ContactFailure['kind'],
    failed: ContactFailure[],
    put: (index: number, contact: Contact) => void,
    indexOf: (i: number) => number = (i) => offset + i,
  ): void {
    const failedAt = new Map((answer.failedContacts ?? []).map((f) => [Number(f.id), f]));
    for (let i = 0; i < count; i++) {
      const refused = failedAt.get(i);
      const contact = answer.contacts?.[i];
      if (refused || !contact) {
        const code = refused?.errorCode ?? 'no_answer';
        failed.push({ kind, index: indexOf(i), code, message: refused?.errorMessage ?? 'Webex returned no contact for this item.' });
      } else put(indexOf(i), contactOf(contact));
    }
  }
}
