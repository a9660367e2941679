import type { Storage, StoreItems } from 'botbuilder';
import type { TurnHold } from './leasedTurnGate';

/** The hold that guards a key in the turn under way, and for how long a read of it may be trusted under it. */
export interface Guard {
  hold: TurnHold;
  maxAgeMs: number;
  /** Keys the turn reads after this one: read from the store at the same time (one round trip, not two). */
  readWith?: string[];
}

interface Remembered {
  hold: TurnHold;
  /** Date.now() when read. */
  at: number;
  /** The JSON text as read, without its eTag; null: the key did not exist. */
  text: string | null;
  eTag?: string;
}

/**
 * Bot state reads that a conversation's lease makes needless: while this
 * instance holds the lease without a break, no other instance runs a turn of
 * that conversation, so its state stays as this instance last read it, and
 * the turns that follow under the same lease get it from memory, with the
 * eTag it was read with (a save still names that eTag: a newer state is still
 * refused). `guardedBy(key)` tells which hold, if any, guards a key in the
 * turn under way, and for how long a read of it is trusted (a person's user
 * state is theirs in all their conversations: only briefly); other keys
 * always go to the store. Anything written or deleted is read from the store
 * again, and all is forgotten when the hold ends (released, lost, or not
 * renewed in time). readThrough() always asks the store.
 */
export class HeldStateCache implements Storage {
  private readonly known = new Map<string, Remembered>();

  constructor(
    private readonly inner: Storage,
    private readonly guardedBy: (key: string) => Guard | undefined,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    const missing: string[] = [];
    for (const key of keys) {
      const known = this.trusted(key);
      if (!known) missing.push(key);
      else if (known.text !== null) items[key] = { ...JSON.parse(known.text), eTag: known.eTag };
    }
    if (!missing.length) return items;
    // What the turn will read next (its conversation's state after the person's), fetched at the same time.
    const fetched = [...missing];
    for (const key of missing) for (const next of this.guardedBy(key)?.readWith ?? []) if (!fetched.includes(next) && !this.trusted(next)) fetched.push(next);
    const at = Date.now();
    const read = await this.inner.read(fetched);
    for (const key of fetched) {
      const item = read[key];
      if (item && missing.includes(key)) items[key] = item;
      const guard = this.guardedBy(key);
      if (!guard) continue;
      const { eTag, ...value } = item ?? {};
      this.remember(key, { hold: guard.hold, at, text: item ? JSON.stringify(value) : null, eTag });
    }
    return items;
  }

  /** What is remembered of `key` and may be trusted in the turn under way. */
  private trusted(key: string): Remembered | undefined {
    const guard = this.guardedBy(key);
    const known = this.known.get(key);
    if (!guard || !known || known.hold !== guard.hold || !guard.hold.intact || Date.now() - known.at >= guard.maxAgeMs) return undefined;
    return known;
  }

  /** Asks the store itself, never memory: the check that a key is still absent just before it is created. */
  readThrough(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    // The store does not say which eTag a write made: the next turn reads it again.
    for (const key of Object.keys(changes)) this.known.delete(key);
    await this.inner.write(changes);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.known.delete(key);
    await this.inner.delete(keys);
  }

  private remember(key: string, entry: Remembered): void {
    this.known.set(key, entry);
    entry.hold.whenEnded(() => {
      if (this.known.get(key) === entry) this.known.delete(key);
    });
  }
}
