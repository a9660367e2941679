import { createHash } from 'node:crypto';
import type { BlobLeaseClient } from '@azure/storage-blob';
import { KeyedQueue } from '../keyedQueue';
import { TurnBusyError, type TurnGate } from '../turnGate';
import { isConflict, isNotFound, storeError, type BlobContainer } from './container';

export interface LeasedTurnGateOptions {
  /** Lease length in seconds (Azure: 15 to 60); renewed every third of it while the turn runs. */
  leaseSeconds?: number;
  /** How long a turn waits for another instance's turn of the same conversation (default 10 s). */
  waitMs?: number;
  /** Told when a lease could not be renewed or released (the eTag check on save still guards the state). */
  onLeaseProblem?: (key: string, what: string, error: unknown) => void;
}

/**
 * One turn at a time per conversation across instances: in this process a
 * queue, and across processes a blob lease on locks/turns/<sha256 of the
 * key>, held for the turn and renewed while it lasts. A crashed instance's
 * lease expires on its own after leaseSeconds. A turn that cannot get the
 * lease within waitMs does not run (TurnBusyError): the bot says so.
 */
export class LeasedTurnGate implements TurnGate {
  private readonly queue = new KeyedQueue();
  private readonly leaseSeconds: number;
  private readonly waitMs: number;

  constructor(
    private readonly container: BlobContainer,
    private readonly options: LeasedTurnGateOptions = {},
  ) {
    this.leaseSeconds = options.leaseSeconds ?? 15;
    this.waitMs = options.waitMs ?? 10_000;
  }

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(key, async () => {
      const lease = await this.acquire(key);
      const renewal = setInterval(() => {
        lease.renewLease().catch((error: unknown) => this.options.onLeaseProblem?.(key, 'renew', storeError('renewing a turn lease', error)));
      }, (this.leaseSeconds * 1000) / 3);
      renewal.unref();
      try {
        return await task();
      } finally {
        clearInterval(renewal);
        await lease.releaseLease().catch((error: unknown) => this.options.onLeaseProblem?.(key, 'release', storeError('releasing a turn lease', error)));
      }
    });
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async acquire(key: string): Promise<BlobLeaseClient> {
    const client = await this.container.client();
    const blob = client.getBlockBlobClient(`locks/turns/${createHash('sha256').update(key).digest('hex')}`);
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const lease = blob.getBlobLeaseClient();
      try {
        await lease.acquireLease(this.leaseSeconds);
        return lease;
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
