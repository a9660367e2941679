import { randomBytes, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../store/atomicWrite';

export type LinkKind = 'download' | 'upload' | 'pending';

export interface LinkEntry {
  token: string;
  kind: LinkKind;
  /** The conversation the link was made for (e.g. "msteams/19:abc"). */
  conversationKey: string;
  createdAt: string;
  expiresAt: string;
  fileName?: string;
  contentType?: string;
  size?: number;
  /** Free JSON for the caller (e.g. a conversation reference, a locale). */
  data?: Record<string, unknown>;
}

export interface NewLink {
  kind: LinkKind;
  conversationKey: string;
  fileName?: string;
  contentType?: string;
  data?: Record<string, unknown>;
  bytes?: Uint8Array;
  ttlMs?: number;
}

/**
 * One-time and expiring links: an entry (kind, conversation, expiry, file
 * name) and optional bytes. Files under DATA_DIR for one instance
 * (FileLinkStore), blobs for several (BlobLinkStore): same rules.
 */
export interface LinkStore {
  create(input: NewLink): Promise<LinkEntry>;
  /** undefined when unknown, expired, malformed token, other kind, or (when given) another conversation. */
  get(token: string, kind: LinkKind, conversationKey?: string): Promise<LinkEntry | undefined>;
  read(token: string, kind: LinkKind, conversationKey?: string): Promise<{ entry: LinkEntry; bytes: Buffer } | undefined>;
  /** Removes and returns the entry and its bytes exactly once, even when two callers race (the second gets undefined). */
  take(token: string, kind: LinkKind, conversationKey?: string): Promise<{ entry: LinkEntry; bytes?: Buffer } | undefined>;
  delete(token: string): Promise<void>;
  /** Deletes expired entries (and the oldest over the cap); returns how many. */
  sweep(): Promise<number>;
}

export interface LinkStoreOptions {
  ttlMs: number;
  now?: () => Date;
  /** Default 1000: the oldest entries are swept first when there are more. */
  maxEntries?: number;
}

/** The options with their defaults: the real clock, at most 1000 live entries. */
export function linkStoreSettings({ ttlMs, now = () => new Date(), maxEntries = 1000 }: LinkStoreOptions): Required<LinkStoreOptions> {
  return { ttlMs, now, maxEntries };
}

/** 24 random bytes in base64url: exactly 32 characters, 192 bits. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
/** Leftovers of a crash (bytes without an entry, temp files) are removed once this old (a writer may still be busy with young ones). */
export const ORPHAN_GRACE_MS = 10 * 60 * 1000;

export function isValidToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

/** A new entry with a fresh random token. */
export function newLinkEntry(input: NewLink, created: Date, defaultTtlMs: number): LinkEntry {
  return {
    token: randomBytes(24).toString('base64url'),
    kind: input.kind,
    conversationKey: input.conversationKey,
    createdAt: created.toISOString(),
    expiresAt: new Date(created.getTime() + (input.ttlMs ?? defaultTtlMs)).toISOString(),
    ...(input.fileName !== undefined && { fileName: input.fileName }),
    ...(input.contentType !== undefined && { contentType: input.contentType }),
    ...(input.bytes && { size: input.bytes.byteLength }),
    ...(input.data && { data: input.data }),
  };
}

export function isExpired(entry: Pick<LinkEntry, 'expiresAt'>, now: Date): boolean {
  const expires = Date.parse(entry.expiresAt);
  return !Number.isFinite(expires) || now.getTime() >= expires;
}

/** The entry when it may be used for `kind` (and `conversationKey`, when given) at `now`. */
export function usable(entry: LinkEntry | undefined, kind: LinkKind, conversationKey: string | undefined, now: Date): LinkEntry | undefined {
  if (!entry || entry.kind !== kind || isExpired(entry, now)) return undefined;
  if (conversationKey !== undefined && entry.conversationKey !== conversationKey) return undefined;
  return entry;
}

/** A stored entry's text, or undefined when damaged or not the token's own. */
export function parseEntry(text: string, token: string): LinkEntry | undefined {
  try {
    const entry = JSON.parse(text) as LinkEntry;
    return entry && entry.token === token ? entry : undefined;
  } catch {
    return undefined;
  }
}

/** The entries to remove beyond `maxEntries` live ones: the oldest (ISO dates sort as text), never `keep`. */
export function overflowOf<T extends { token: string; createdAt: string }>(live: T[], maxEntries: number, keep?: string): T[] {
  return live
    .filter((entry) => entry.token !== keep)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .slice(0, Math.max(0, live.length - maxEntries));
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Links kept on disk so that they survive a restart (one instance):
 * `<token>.json` holds the entry, `<token>.bin` the bytes. Only tokens that
 * pass TOKEN_PATTERN ever reach a path; the user's file name is metadata.
 */
export class FileLinkStore implements LinkStore {
  private readonly settings: Required<LinkStoreOptions>;

  constructor(
    private readonly dir: string,
    options: LinkStoreOptions,
  ) {
    this.settings = linkStoreSettings(options);
  }

  async create(input: NewLink): Promise<LinkEntry> {
    const entry = newLinkEntry(input, this.settings.now(), this.settings.ttlMs);
    const { token } = entry;
    await fs.mkdir(this.dir, { recursive: true });
    // Bytes first: the entry file is what makes the link exist.
    if (input.bytes) await writeFileAtomic(this.fileOf(token, 'bin'), input.bytes, 0o600);
    await writeFileAtomic(this.fileOf(token, 'json'), JSON.stringify(entry), 0o600);
    await this.sweepKeeping(token);
    return entry;
  }

  async get(token: string, kind: LinkKind, conversationKey?: string): Promise<LinkEntry | undefined> {
    return usable(await this.load(token), kind, conversationKey, this.settings.now());
  }

  async read(token: string, kind: LinkKind, conversationKey?: string): Promise<{ entry: LinkEntry; bytes: Buffer } | undefined> {
    const entry = await this.get(token, kind, conversationKey);
    if (!entry) return undefined;
    const bytes = await this.readBytes(token);
    return bytes ? { entry, bytes } : undefined;
  }

  async take(token: string, kind: LinkKind, conversationKey?: string): Promise<{ entry: LinkEntry; bytes?: Buffer } | undefined> {
    const entry = await this.get(token, kind, conversationKey);
    if (!entry) return undefined;
    // The rename is atomic: only one caller moves the entry file, the others get ENOENT.
    const claimed = `${this.fileOf(token, 'json')}.${randomUUID()}.taken`;
    try {
      await fs.rename(this.fileOf(token, 'json'), claimed);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const bytes = await this.readBytes(token);
    await Promise.all([fs.rm(claimed, { force: true }), fs.rm(this.fileOf(token, 'bin'), { force: true })]);
    return bytes ? { entry, bytes } : { entry };
  }

  async delete(token: string): Promise<void> {
    if (!isValidToken(token)) return;
    await fs.rm(this.fileOf(token, 'json'), { force: true });
    await fs.rm(this.fileOf(token, 'bin'), { force: true });
  }

  /** Called by create() too. */
  sweep(): Promise<number> {
    return this.sweepKeeping(undefined);
  }

  private async sweepKeeping(keep: string | undefined): Promise<number> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch (error) {
      if (isMissing(error)) return 0;
      throw error;
    }
    const live: LinkEntry[] = [];
    let removed = 0;
    for (const name of names) {
      const token = name.slice(0, -'.json'.length);
      if (!name.endsWith('.json') || !isValidToken(token)) continue;
      const entry = await this.load(token);
      if (entry && !isExpired(entry, this.settings.now())) live.push(entry);
      else removed += await this.remove(token); // expired or damaged
    }
    // Over the cap: the oldest go first (ISO dates sort as text), never the entry just created.
    for (const entry of overflowOf(live, this.settings.maxEntries, keep)) removed += await this.remove(entry.token);
    await this.removeOrphans(names);
    return removed;
  }

  private async remove(token: string): Promise<number> {
    try {
      await fs.rm(this.fileOf(token, 'json'));
    } catch (error) {
      if (isMissing(error)) return 0; // taken or deleted meanwhile
      throw error;
    }
    await fs.rm(this.fileOf(token, 'bin'), { force: true });
    return 1;
  }

  /** Bytes whose entry is gone, temp and claimed files: only old ones, a writer may still be busy with young ones. */
  private async removeOrphans(names: string[]): Promise<void> {
    const entries = new Set(names.filter((name) => name.endsWith('.json')));
    const orphans = names.filter((name) => (name.endsWith('.bin') && !entries.has(name.replace(/\.bin$/, '.json'))) || name.endsWith('.tmp') || name.endsWith('.taken'));
    for (const name of orphans) {
      const file = path.join(this.dir, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > ORPHAN_GRACE_MS) await fs.rm(file, { force: true });
    }
  }

  private async load(token: string): Promise<LinkEntry | undefined> {
    if (!isValidToken(token)) return undefined;
    let text: string;
    try {
      text = await fs.readFile(this.fileOf(token, 'json'), 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    return parseEntry(text, token); // a damaged file is treated as unknown
  }

  private async readBytes(token: string): Promise<Buffer | undefined> {
    try {
      return await fs.readFile(this.fileOf(token, 'bin'));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  /** Callers pass only tokens checked by isValidToken (or just generated). */
  private fileOf(token: string, extension: 'json' | 'bin'): string {
    if (!isValidToken(token)) throw new Error('LinkStore: invalid token');
    return path.join(this.dir, `${token}.${extension}`);
  }
}
