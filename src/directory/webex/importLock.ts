import { randomUUID } from 'node:crypto';
import type { ImportJob } from '../../domain/types';
import type { SharedDocument } from '../../platform/store/sharedDocument';

/**
 * The one-import-per-org lock, kept in the same shared document as the jobs
 * (one eTag-guarded write takes the lock and records the job). It expires
 * unless its holder renews it: a crashed instance's lock frees itself after
 * the TTL, and its import is then marked "interrupted". Expiry is measured
 * on the store's clock (the blob service's Date), not on each instance's.
 */
export interface ImportLock {
  jobId: string;
  /** The process holding it (a random id per process). */
  holder: string;
  expiresAt: string;
}

/** The part of a shared document that the lock reads and writes: the jobs and the lock itself. */
export interface ImportLockState {
  importJobs: ImportJob[];
  importLock?: ImportLock;
}

export const DEFAULT_IMPORT_LOCK_TTL_MS = 30_000;

const isLive = (lock: ImportLock | undefined, now: Date): lock is ImportLock => !!lock && Date.parse(lock.expiresAt) > now.getTime();

/** Running imports that no live lock covers (their process stopped) become interrupted; an expired lock goes. In place. */
export function endAbandonedImports<T extends ImportLockState>(data: T, now: Date): T {
  const live = isLive(data.importLock, now) ? data.importLock : undefined;
  if (!live) delete data.importLock;
  data.importJobs = data.importJobs.map((job) =>
    job.status === 'running' && job.id !== live?.jobId ? { ...job, status: 'interrupted' as const, endedAt: now.toISOString() } : job,
  );
  return data;
}

/** Takes, renews and gives back the locks of this process's imports. */
export class ImportLocks {
  readonly holder = randomUUID();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: SharedDocument<ImportLockState>,
    readonly ttlMs: number,
  ) {}

  /** The lock for a job this process starts now (to be written with the job). */
  lockFor(jobId: string, now: Date): ImportLock {
    return { jobId, holder: this.holder, expiresAt: new Date(now.getTime() + this.ttlMs).toISOString() };
  }

  /** Renews the job's lock every third of its TTL until release(). */
  keep(jobId: string): void {
    const timer = setInterval(() => void this.renew(jobId), Math.max(200, Math.floor(this.ttlMs / 3)));
    timer.unref();
    this.timers.set(jobId, timer);
  }

  /** Drops the job's lock from `data`, in place (inside the write that ends the job), and stops renewing it. */
  release(data: ImportLockState, jobId: string): void {
    this.stop(jobId);
    if (data.importLock?.jobId === jobId) delete data.importLock;
  }

  close(): void {
    for (const jobId of [...this.timers.keys()]) this.stop(jobId);
  }

  private stop(jobId: string): void {
    clearInterval(this.timers.get(jobId));
    this.timers.delete(jobId);
  }

  private async renew(jobId: string): Promise<void> {
    try {
      const held = await this.store.update((data, now) => {
        if (!data || data.importLock?.jobId !== jobId || data.importLock.holder !== this.holder) return { result: false };
        return { value: { ...data, importLock: this.lockFor(jobId, now) }, result: true };
      });
      // Lost (expired while this process could not reach the store, and taken over): nothing left to renew.
      if (!held) this.stop(jobId);
    } catch {
      // The store is unreachable for now: the next tick tries again, within the TTL.
    }
  }
}
