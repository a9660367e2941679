import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { writeFileAtomic } from '../store/atomicWrite';

const CACHED_KEYS = 2000;

/**
 * Bot state on disk: one JSON file per key, written through a temp file and a
 * rename so that a crash never leaves a half-written state. Honours eTags: a
 * write carrying a stale eTag is refused instead of silently overwriting.
 * One process owns the folder, so the last text read or written per key is
 * kept in memory: a turn reads its state without touching the disk.
 */
export class FileStorage implements Storage {
  /** Writes of one key run one at a time (two writers with the same eTag must not both pass the check); keys do not wait for each other. */
  private readonly writing = new Map<string, Promise<unknown>>();
  /** Key → its JSON text as on disk (null: known not to exist), least recently used first. */
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly dir: string) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const stored = await this.load(key);
      if (stored !== undefined) items[key] = stored;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, item]) => this.serial(key, () => this.writeNow(key, item))));
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) =>
        this.serial(key, async () => {
          await fs.rm(this.fileOf(key), { force: true });
          this.remember(key, null);
        }),
      ),
    );
  }

  private serial(key: string, work: () => Promise<void>): Promise<void> {
    const run = (this.writing.get(key) ?? Promise.resolve()).then(work);
    const settled = run.catch(() => undefined);
    this.writing.set(key, settled);
    void settled.then(() => this.writing.get(key) === settled && this.writing.delete(key));
    return run;
  }

  private async writeNow(key: string, item: StoreItem): Promise<void> {
    const expected = item?.eTag;
    if (expected && expected !== '*') {
      const current = await this.load(key);
      if (current && current.eTag !== expected) {
        throw new Error(`Storage: eTag conflict on "${key}" (the state changed since it was read)`);
      }
    }
    await fs.mkdir(this.dir, { recursive: true });
    const file = this.fileOf(key);
    const text = JSON.stringify({ ...item, eTag: randomUUID() });
    await writeFileAtomic(file, text);
    this.remember(key, text);
  }

  private async load(key: string): Promise<Record<string, any> | undefined> {
    let text = this.cache.get(key);
    if (text === undefined) {
      try {
        text = await fs.readFile(this.fileOf(key), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        text = null;
      }
      // A write that ended while the file was being read knows better.
      if (this.cache.has(key)) text = this.cache.get(key)!;
      else this.remember(key, text);
    }
    // A fresh object every time: callers change what they read.
    return text === null ? undefined : JSON.parse(text);
  }

  private remember(key: string, text: string | null): void {
    this.cache.delete(key);
    this.cache.set(key, text);
    if (this.cache.size > CACHED_KEYS) this.cache.delete(this.cache.keys().next().value!);
  }

  // Keys hold channel and conversation ids of any length and character set.
  private fileOf(key: string): string {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  }
}
