import { ContainerClient } from '@azure/storage-blob';

export interface BlobSettings {
  /** Secret: never logged, never put in an error message. */
  connectionString: string;
  container: string;
}

/** A storage call that failed, without the request (its headers carry a signature) or the connection string. */
export class BlobStoreError extends Error {
  constructor(
    what: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(`Blob storage: ${what} failed${status ? ` (${status}${code ? ` ${code}` : ''})` : ''}.`);
    this.name = 'BlobStoreError';
  }
}

const statusOf = (error: unknown): number | undefined => (error as { statusCode?: number } | undefined)?.statusCode;

/** 409 (already exists, lease present) and 412 (eTag or lease condition not met). */
export const isConflict = (error: unknown): boolean => statusOf(error) === 409 || statusOf(error) === 412;
export const isNotFound = (error: unknown): boolean => statusOf(error) === 404;

/** A storage failure as a BlobStoreError (status and code only); other errors pass unchanged. */
export function storeError(what: string, error: unknown): Error {
  const fromStorage = statusOf(error) !== undefined || (error as { request?: unknown } | undefined)?.request !== undefined;
  if (!fromStorage) return error instanceof Error ? error : new BlobStoreError(what);
  return new BlobStoreError(what, statusOf(error), (error as { code?: string }).code);
}

/** The storage service's clock (a response's Date header), so that every instance compares expiries on one clock. */
export function serviceTime(date: Date | undefined): Date {
  return date && Number.isFinite(date.getTime()) ? date : new Date();
}

/** Every request gets its own deadline; a failed one is retried a few times by the SDK. */
const PIPELINE = { retryOptions: { maxTries: 3, tryTimeoutInMs: 30_000, retryDelayInMs: 200, maxRetryDelayInMs: 2_000 } };

/** The container, created when missing on first use; one per process and container name. */
export class BlobContainer {
  private ready?: Promise<ContainerClient>;

  constructor(private readonly settings: BlobSettings) {}

  get name(): string {
    return this.settings.container;
  }

  client(): Promise<ContainerClient> {
    if (!this.ready) {
      const client = new ContainerClient(this.settings.connectionString, this.settings.container, PIPELINE);
      const ready = client.createIfNotExists().then(
        () => client,
        (error: unknown) => {
          this.ready = undefined; // the next call tries again
          throw storeError(`creating container "${this.settings.container}"`, error);
        },
      );
      this.ready = ready;
    }
    return this.ready;
  }
}

const containers = new Map<string, BlobContainer>();

/** The same BlobContainer for the same account and container (state, links and jobs share one creation). */
export function blobContainer(settings: BlobSettings): BlobContainer {
  const key = `${settings.container}\n${settings.connectionString}`;
  let container = containers.get(key);
  if (!container) containers.set(key, (container = new BlobContainer(settings)));
  return container;
}
