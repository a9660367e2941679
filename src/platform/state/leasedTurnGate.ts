import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type { BlobLeaseClient } from '@azure/storage-blob';
import { KeyedQueue } from '../store/keyedQueue';
import { TurnBusyError, type TurnGate } from './turnGate';
import { isConflict, isNotFound, storeError, type BlobContainer } from '../store/container';

export interface LeasedTurnGateOptions {
  /** Lease length in seconds (Azure: 15 to 60); renewed every third of it while the turn runs. */
  leaseSeconds?: number;
  /** How long a turn waits for another instance's turn of the same conversation (default 10 s). */
  waitMs?: number;
  /** Told when a lease could not be renewed or released (the eTag check on save still guards the state). */
  onLeaseProblem?: (key: string, what: string, error: unknown) => void;
  /**
   * How long the lease is kept after a turn that ended well (default 0: released at once), so that the
   * conversation's next turn on this instance in that time runs under it without taking it again; a turn of the
   * conversation on another instance waits that much longer. A turn that threw releases it at once.
   */
  keepMs?: number;
}

/**
 * A lease this instance holds on one conversation, from its acquisition to its release (or its loss): the turns
 * that run under it, one after the other, may trust what they remember of the conversation, since no other instance
 * runs a turn of it meanwhile.
 */
export class TurnHold {
  /** This clock's time until which the lease is surely ours: when the last acquire or renewal was sent, + its length. */
  ownedUntil: number;
  ended = false;
  renewal?: NodeJS.Timeout;
  keeping?: NodeJS.Timeout;
  private readonly endings: Array<() => void> = [];

  constructor(
    readonly key: string,
    readonly lease: BlobLeaseClient,
    sentAt: number,
    private readonly leaseMs: number,
  ) {
    this.ownedUntil = sentAt + leaseMs;
  }

  /** Held, and surely for at least half a lease more (renewals go every third of it). */
  get intact(): boolean {
    return !this.ended && Date.now() < this.ownedUntil - this.leaseMs / 2;
  }

  /** Runs `forget` when the hold ends (released, lost, or given up). */
  whenEnded(forget: () => void): void {
    if (this.ended) forget();
    else this.endings.push(forget);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    clearInterval(this.renewal);
    clearTimeout(this.keeping);
    for (const forget of this.endings.splice(0)) forget();
  }
}

/**
 * One turn at a time per conversation across instances: in this process a
 * queue, and across processes a blob lease on locks/turns/<sha256 of the
 * key>, held for the turn and renewed while it lasts. A crashed instance's
 * lease expires on its own after leaseSeconds. A turn that cannot get the
 * lease within waitMs does not run (TurnBusyError): the bot says so. With
 * keepMs, the lease outlives a turn that ended well by that long (still
 * renewed): a turn of the conversation that comes meanwhile on this instance
 * runs under it (no request), and may trust the state read under it
 * (current() tells the turn's hold); idle() releases the kept leases.
 */
export class LeasedTurnGate implements TurnGate {
  private readonly queue = new KeyedQueue();
  private readonly leaseSeconds: number;
  private readonly waitMs: number;
  private readonly keepMs: number;
  /** The leases held now, by conversation: in a turn, or kept after one. */
  private readonly holds = new Map<string, TurnHold>();
  private readonly scope = new AsyncLocalStorage<TurnHold>();

  constructor(
    private readonly container: BlobContainer,
    private readonly options: LeasedTurnGateOptions = {},
  ) {
    this.leaseSeconds = options.leaseSeconds ?? 15;
    this.waitMs = options.waitMs ?? 10_000;
    this.keepMs = options.keepMs ?? 0;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(key, async () => {
      const hold = await this.take(key);
      let succeeded = false;
      try {
        const result = await this.scope.run(hold, task);
        succeeded = true;
        return result;
      } finally {
        if (succeeded && this.keepMs > 0 && !hold.ended) this.keep(hold);
        else await this.release(hold);
      }
    });
  }

  /** The hold of the turn under way in this async context (undefined outside a turn of this gate). */
  current(): TurnHold | undefined {
    const hold = this.scope.getStore();
    return hold && !hold.ended && this.holds.get(hold.key) === hold ? hold : undefined;
  }

  /** Once every turn under way has finished, the leases kept after turns are released (graceful shutdown). */
  async idle(): Promise<void> {
    await this.queue.idle();
    await Promise.all([...this.holds.values()].map((hold) => this.queue.run(hold.key, () => this.release(hold))));
    await this.queue.idle();
  }

  /** The conversation's kept lease while surely still ours, else a new one (the same lease id, if one was kept). */
  private async take(key: string): Promise<TurnHold> {
    const kept = this.holds.get(key);
    if (kept) {
      clearTimeout(kept.keeping);
      kept.keeping = undefined;
      if (kept.intact) return kept;
      kept.end(); // renewals failed: not surely ours any more; what it guarded is not trusted
      this.holds.delete(key);
    }
    const { lease, sentAt } = await this.acquire(key, kept?.lease.leaseId);
    const hold = new TurnHold(key, lease, sentAt, this.leaseSeconds * 1000);
    hold.renewal = setInterval(() => {
      const sent = Date.now();
      lease.renewLease().then(
        () => void (hold.ownedUntil = sent + this.leaseSeconds * 1000),
        (error: unknown) => {
          if (hold.ended) return; // released meanwhile
          if (isConflict(error) || isNotFound(error)) hold.end(); // lost: another instance may hold it now
          this.options.onLeaseProblem?.(key, 'renew', storeError('renewing a turn lease', error));
        },
      );
    }, (this.leaseSeconds * 1000) / 3);
    hold.renewal.unref();
    this.holds.set(key, hold);
    return hold;
  }

  /** After a turn: the lease stays for keepMs, then is released (in the queue, so never under a turn). */
  private keep(hold: TurnHold): void {
    const keeping = setTimeout(() => {
      void this.queue.run(hold.key, async () => {
        if (hold.keeping === keeping) await this.release(hold);
      });
    }, this.keepMs);
    keeping.unref();
    hold.keeping = keeping;
  }

  private async release(hold: TurnHold): Promise<void> {
    if (this.holds.get(hold.key) === hold) this.holds.delete(hold.key);
    if (hold.ended) return;
    hold.end();
    await hold.lease.releaseLease().catch((error: unknown) => this.options.onLeaseProblem?.(hold.key, 'release', storeError('releasing a turn lease', error)));
  }

  private async acquire(key: string, leaseId?: string): Promise<{ lease: BlobLeaseClient; sentAt: number }> {
    const client = await this.container.client();
    const blob = client.getBlockBlobClient(`locks/turns/${createHash('sha256').update(key).digest('hex')}`);
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const lease = blob.getBlobLeaseClient(leaseId);
      const sentAt = Date.now();
      try {
        await lease.acquireLease(this.leaseSeconds);
        return { lease, sentAt };
      } catch (error) {
        if (isNotFound(error)) {
          await blob.upload('', 0, { conditions: { ifNoneMatch: '*' } }).catch((created: unknown) => {
            if (!isConflict(created)) throw storeError('creating a turn lock', created);
          });
          continue;
        }
        if (!isConflict(error)) throw storeError('taking a turn lease', error);
      }
      const waited = Date.now() - started;
      if (waited >= this.waitMs) throw new TurnBusyError(key, waited);
      await new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** Math.min(attempt, 4), 500, this.waitMs - waited)));
    }
  }
}
