import type { Storage, StoreItems } from 'botbuilder';

/** The state changed since this turn read it: another turn (on another instance) saved first. */
export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`Storage: eTag conflict on "${key}": the state changed since this turn read it; this turn's changes were not saved.`);
    this.name = 'StateConflictError';
  }
}

/** A storage that may answer reads from memory, and can also ask the store itself. */
interface ReadThrough extends Storage {
  readThrough(keys: string[]): Promise<StoreItems>;
}

const isReadThrough = (storage: Storage): storage is ReadThrough => typeof (storage as Partial<ReadThrough>).readThrough === 'function';

/** Marks "the key did not exist when read". */
const ABSENT = null;

/**
 * Bot state storage whose saves are checked against what the turn read.
 * BotState.saveChanges always writes with eTag "*" (last writer wins); this
 * wrapper remembers, per object it handed out, the eTag it was read with and
 * writes with that eTag instead, so a save over someone else's newer state
 * fails (StateConflictError) rather than silently undoing it. A key that did
 * not exist is handed out as an empty object and must still be absent when
 * saved. For BotState only (ConversationState, UserState): each turn reads
 * its own objects, and turns of one conversation run one at a time.
 */
export class ETagCheckedStorage implements Storage {
  private readonly readWith = new WeakMap<object, string | typeof ABSENT>();

  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const key of keys) {
      const item = items[key];
      if (item && typeof item.eTag === 'string' && item.eTag !== '*') this.readWith.set(item, item.eTag);
      else if (!item) this.readWith.set((items[key] = {}), ABSENT);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(Object.entries(changes).map(([key, item]) => this.writeOne(key, item)));
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  private async writeOne(key: string, item: Record<string, unknown>): Promise<void> {
    const known = item && typeof item === 'object' ? this.readWith.get(item) : undefined;
    let change = item;
    if (item?.eTag === '*' && known !== undefined) {
      if (known === ABSENT) {
        // The store offers no "only if absent" write: check just before (the turn lock makes the gap harmless), in the
        // store itself when the inner storage may answer reads from memory.
        const stored = await (isReadThrough(this.inner) ? this.inner.readThrough([key]) : this.inner.read([key]));
        if (stored[key]) throw new StateConflictError(key);
      } else {
        change = { ...item, eTag: known };
      }
    }
    try {
      await this.inner.write({ [key]: change });
    } catch (error) {
      if (/etag conflict/i.test((error as Error)?.message ?? '')) throw new StateConflictError(key);
      throw error;
    }
    // Written: the eTag read is stale now. A second save of the same object in this turn goes as it came.
    this.readWith.delete(item);
  }
}
