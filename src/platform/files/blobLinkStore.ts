import type { ContainerClient } from '@azure/storage-blob';
import { streamBytes, streamText } from '../store/blobDocument';
import { isConflict, isNotFound, storeError, type BlobContainer } from '../store/container';
import {
  isExpired,
  isValidToken,
  linkStoreSettings,
  newLinkEntry,
  ORPHAN_GRACE_MS,
  overflowOf,
  parseEntry,
  usable,
  type LinkEntry,
  type LinkKind,
  type LinkStore,
  type LinkStoreOptions,
  type NewLink,
} from './linkStore';

const PREFIX = 'links/';
/** Listing the container costs: expired links are swept at most this often per instance. */
const SWEEP_EVERY_MS = 60 * 1000;

/**
 * Links on Blob Storage, shared by every instance: links/<token>.json holds
 * the entry (its expiry and creation also as blob metadata, so that a sweep
 * lists without reading), links/<token>.bin the bytes. take() deletes the
 * entry on the condition that its eTag is still the one read: of two racing
 * instances, exactly one succeeds.
 */
export class BlobLinkStore implements LinkStore {
  private readonly settings: Required<LinkStoreOptions>;
  private lastSweep = 0;

  constructor(
    private readonly container: BlobContainer,
    options: LinkStoreOptions,
  ) {
    this.settings = linkStoreSettings(options);
  }

  async create(input: NewLink): Promise<LinkEntry> {
    const entry = newLinkEntry(input, this.settings.now(), this.settings.ttlMs);
    const client = await this.container.client();
    const text = JSON.stringify(entry);
    try {
      // Bytes first: the entry is what makes the link exist.
      if (input.bytes) await client.getBlockBlobClient(blobOf(entry.token, 'bin')).uploadData(Buffer.from(input.bytes));
      await client.getBlockBlobClient(blobOf(entry.token, 'json')).upload(text, Buffer.byteLength(text), {
        conditions: { ifNoneMatch: '*' },
        metadata: { createdat: entry.createdAt, expiresat: entry.expiresAt },
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
    } catch (error) {
      throw storeError('creating a link', error);
    }
    if (Date.now() - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = Date.now();
      await this.sweepKeeping(client, entry.token);
    }
    return entry;
  }

  async get(token: string, kind: LinkKind, conversationKey?: string): Promise<LinkEntry | undefined> {
    return usable((await this.load(token))?.entry, kind, conversationKey, this.settings.now());
  }

  async read(token: string, kind: LinkKind, conversationKey?: string): Promise<{ entry: LinkEntry; bytes: Buffer } | undefined> {
    const entry = await this.get(token, kind, conversationKey);
    if (!entry) return undefined;
    const bytes = await this.readBytes(token);
    return bytes ? { entry, bytes } : undefined;
  }

  async take(token: string, kind: LinkKind, conversationKey?: string): Promise<{ entry: LinkEntry; bytes?: Buffer } | undefined> {
    const loaded = await this.load(token);
    const entry = usable(loaded?.entry, kind, conversationKey, this.settings.now());
    if (!loaded || !entry) return undefined;
    const client = await this.container.client();
    try {
      // Only the caller whose eTag still matches deletes the entry; the others get 412 (or 404 once it is gone).
      await client.getBlobClient(blobOf(token, 'json')).delete({ conditions: { ifMatch: loaded.eTag } });
    } catch (error) {
      if (isConflict(error) || isNotFound(error)) return undefined;
      throw storeError('taking a link', error);
    }
    const bytes = await this.readBytes(token);
    await this.deleteBlob(client, blobOf(token, 'bin'));
    return bytes ? { entry, bytes } : { entry };
  }

  async delete(token: string): Promise<void> {
    if (!isValidToken(token)) return;
    const client = await this.container.client();
    await this.deleteBlob(client, blobOf(token, 'json'));
    await this.deleteBlob(client, blobOf(token, 'bin'));
  }

  async sweep(): Promise<number> {
    this.lastSweep = Date.now();
    return this.sweepKeeping(await this.container.client(), undefined);
  }

  private async sweepKeeping(client: ContainerClient, keep: string | undefined): Promise<number> {
    const live: Array<{ token: string; createdAt: string }> = [];
    const entries = new Set<string>();
    const bins: Array<{ token: string; modified: number }> = [];
    let removed = 0;
    try {
      for await (const blob of client.listBlobsFlat({ prefix: PREFIX, includeMetadata: true })) {
        const [token, extension] = blob.name.slice(PREFIX.length).split('.');
        if (!isValidToken(token)) continue;
        if (extension === 'bin') bins.push({ token, modified: blob.properties.lastModified?.getTime() ?? Date.now() });
        if (extension !== 'json') continue;
        entries.add(token);
        const expiresAt = blob.metadata?.expiresat ?? '';
        if (isExpired({ expiresAt }, this.settings.now())) removed += await this.remove(client, token);
        else live.push({ token, createdAt: blob.metadata?.createdat ?? '' });
      }
    } catch (error) {
      throw storeError('sweeping links', error);
    }
    for (const { token } of overflowOf(live, this.settings.maxEntries, keep)) removed += await this.remove(client, token);
    for (const { token, modified } of bins) {
      if (!entries.has(token) && Date.now() - modified > ORPHAN_GRACE_MS) await this.deleteBlob(client, blobOf(token, 'bin'));
    }
    return removed;
  }

  private async remove(client: ContainerClient, token: string): Promise<number> {
    const gone = await this.deleteBlob(client, blobOf(token, 'json'));
    if (gone) await this.deleteBlob(client, blobOf(token, 'bin'));
    return gone ? 1 : 0;
  }

  /** True when this call deleted it; false when it was already gone (taken or swept meanwhile). */
  private async deleteBlob(client: ContainerClient, name: string): Promise<boolean> {
    try {
      await client.getBlobClient(name).delete();
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw storeError('deleting a link', error);
    }
  }

  private async load(token: string): Promise<{ entry: LinkEntry; eTag: string } | undefined> {
    if (!isValidToken(token)) return undefined;
    const client = await this.container.client();
    try {
      const answer = await client.getBlobClient(blobOf(token, 'json')).download();
      const entry = parseEntry((await streamText(answer.readableStreamBody)) ?? '', token);
      return entry && answer.etag ? { entry, eTag: answer.etag } : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw storeError('reading a link', error);
    }
  }

  private async readBytes(token: string): Promise<Buffer | undefined> {
    const client = await this.container.client();
    try {
      return await streamBytes((await client.getBlobClient(blobOf(token, 'bin')).download()).readableStreamBody);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw storeError('reading a link file', error);
    }
  }
}

/** Callers pass only tokens checked by isValidToken (or just generated). */
function blobOf(token: string, extension: 'json' | 'bin'): string {
  if (!isValidToken(token)) throw new Error('BlobLinkStore: invalid token');
  return `${PREFIX}${token}.${extension}`;
}
