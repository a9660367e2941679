import type { ContainerClient } from '@azure/storage-blob';
import { DocumentBusyError, type DocumentChange, type SharedDocument } from './sharedDocument';
import { isConflict, isNotFound, serviceTime, storeError, type BlobContainer } from './container';

const MAX_ATTEMPTS = 12;
const MAX_PAUSE_MS = 1000;

interface Snapshot {
  /** null: the blob does not exist. */
  eTag: string | null;
  text: string | null;
}

/**
 * A shared document in one blob, guarded by its eTag: a write names the
 * eTag it read (or "must not exist yet"); a write by another instance in
 * between makes the update read again and start over. Reads send the eTag
 * last seen, so an unchanged document costs a 304 and no transfer.
 */
export class BlobDocument<T> implements SharedDocument<T> {
  private last?: Snapshot;

  constructor(
    private readonly container: BlobContainer,
    readonly name: string,
  ) {}

  async read(): Promise<{ value: T | undefined; now: Date }> {
    const { snapshot, now } = await this.fetch();
    return { value: snapshot.text === null ? undefined : JSON.parse(snapshot.text), now };
  }

  async update<R>(change: (value: T | undefined, now: Date) => DocumentChange<T, R>): Promise<R> {
    const client = await this.container.client();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const { snapshot, now } = await this.fetch();
      const next = change(snapshot.text === null ? undefined : JSON.parse(snapshot.text), now);
      if (next.value === undefined) return next.result;
      const text = JSON.stringify(next.value);
      try {
        const written = await client.getBlockBlobClient(this.name).upload(text, Buffer.byteLength(text), {
          conditions: snapshot.eTag === null ? { ifNoneMatch: '*' } : { ifMatch: snapshot.eTag },
          blobHTTPHeaders: { blobContentType: 'application/json' },
        });
        this.last = { eTag: written.etag ?? null, text };
        return next.result;
      } catch (error) {
        if (!isConflict(error)) throw storeError(`writing ${this.name}`, error);
        this.last = undefined;
        // Someone else wrote first: read again after a random pause (writers do not retry in step) that doubles
        // with each attempt, so that many writers at once spread out fast (exponential backoff with full jitter).
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_PAUSE_MS, 10 * 2 ** attempt)));
      }
    }
    throw new DocumentBusyError(this.name, MAX_ATTEMPTS);
  }

  private async fetch(): Promise<{ snapshot: Snapshot; now: Date }> {
    const client: ContainerClient = await this.container.client();
    const known = this.last;
    try {
      const answer = await client.getBlobClient(this.name).download(0, undefined, known?.eTag ? { conditions: { ifNoneMatch: known.eTag } } : {});
      const text = (await streamText(answer.readableStreamBody)) ?? '';
      this.last = { eTag: answer.etag ?? null, text };
      return { snapshot: this.last, now: serviceTime(answer.date) };
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      const date = dateHeader(error);
      if (status === 304 && known) return { snapshot: known, now: serviceTime(date) };
      if (isNotFound(error)) {
        this.last = { eTag: null, text: null };
        return { snapshot: this.last, now: serviceTime(date) };
      }
      throw storeError(`reading ${this.name}`, error);
    }
  }
}

function dateHeader(error: unknown): Date | undefined {
  const raw = (error as { response?: { headers?: { get(name: string): string | undefined } } }).response?.headers?.get('date');
  return raw ? new Date(raw) : undefined;
}

export async function streamText(stream: NodeJS.ReadableStream | undefined): Promise<string | undefined> {
  const bytes = await streamBytes(stream);
  return bytes?.toString('utf8');
}

export async function streamBytes(stream: NodeJS.ReadableStream | undefined): Promise<Buffer | undefined> {
  if (!stream) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}
