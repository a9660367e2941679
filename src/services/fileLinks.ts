import type { LinkEntry, LinkStore } from '../platform/files/linkStore';

const CSV = 'text/csv; charset=utf-8';

/**
 * The links the bot hands out, each bound to the conversation it was made
 * for: downloads (error files, exports, the template), one-time upload pages,
 * and files kept between a preview and its import.
 */
export class FileLinks {
  constructor(
    private readonly store: LinkStore,
    /** The bot's public address; known once the server listens when PUBLIC_URL is not set. */
    private readonly baseUrl: () => string,
    readonly ttlMs: number,
  ) {}

  get ttlMinutes(): number {
    return Math.round(this.ttlMs / 60_000);
  }

  async download(conversationKey: string, bytes: Uint8Array, fileName: string, contentType = CSV): Promise<string> {
    const entry = await this.store.create({ kind: 'download', conversationKey, bytes, fileName, contentType });
    return `${this.baseUrl()}/files/${entry.token}`;
  }

  /** A page where the person picks a file; `data` comes back with the upload (conversation reference, locale). */
  async upload(conversationKey: string, data: Record<string, unknown>): Promise<string> {
    const entry = await this.store.create({ kind: 'upload', conversationKey, data });
    return `${this.baseUrl()}/upload/${entry.token}`;
  }

  /** Keeps a previewed file until it is imported; the token is the import's id. */
  async keep(conversationKey: string, bytes: Uint8Array, fileName: string): Promise<string> {
    return (await this.store.create({ kind: 'pending', conversationKey, bytes, fileName })).token;
  }

  async kept(token: string, conversationKey: string): Promise<{ entry: LinkEntry; bytes: Buffer } | undefined> {
    return this.store.read(token, 'pending', conversationKey);
  }

  async forget(token: string): Promise<void> {
    await this.store.delete(token);
  }
}
