import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';

/**
 * Bot state on disk: one JSON file per key, written through a temp file and a
 * rename so that a crash never leaves a half-written state. Honours eTags: a
 * write carrying a stale eTag is refused instead of silently overwriting.
 */
export class FileStorage implements Storage {
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const stored = await this.load(key);
      if (stored !== undefined) items[key] = stored;
    }
    return items;
  }

  // One write at a time: two writers carrying the same eTag must not both pass the check before either renames.
  write(changes: StoreItems): Promise<void> {
    const result = this.writing.then(() => this.writeNow(changes));
    this.writing = result.catch(() => undefined);
    return result;
  }

  private async writeNow(changes: StoreItems): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    for (const [key, item] of Object.entries(changes)) {
      const expected = item?.eTag;
      if (expected && expected !== '*') {
        const current = await this.load(key);
        if (current && current.eTag !== expected) {
          throw new Error(`Storage: eTag conflict on "${key}" (the state changed since it was read)`);
        }
      }
      const file = this.fileOf(key);
      const temp = `${file}.${randomUUID()}.tmp`;
      await fs.writeFile(temp, JSON.stringify({ ...item, eTag: randomUUID() }));
      await fs.rename(temp, file);
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => fs.rm(this.fileOf(key), { force: true })));
  }

  private async load(key: string): Promise<Record<string, any> | undefined> {
    try {
      return JSON.parse(await fs.readFile(this.fileOf(key), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  // Keys hold channel and conversation ids of any length and character set.
  private fileOf(key: string): string {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  }
}
