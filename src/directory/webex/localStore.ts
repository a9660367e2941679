import path from 'node:path';
import type { AuditEntry, ImportJob } from '../../domain/types';
import { BlobDocument } from '../../platform/store/blobDocument';
import type { BlobContainer } from '../../platform/store/container';
import { FileDocument, type SharedDocument } from '../../platform/store/sharedDocument';
import { endAbandonedImports, type ImportLock } from './importLock';

/** What Webex does not hold for us: the audit, import jobs, and when we sent invitations. */
export interface WebexLocalData {
  version: 1;
  orgUuid: string;
  importJobs: ImportJob[];
  audit: AuditEntry[];
  /** personId → when an invitation went out through Provisio. */
  invitedAt: Record<string, string>;
  /** The one-import-per-org lock while an import runs (see importLock.ts). */
  importLock?: ImportLock;
}

export type WebexLocalStore = SharedDocument<WebexLocalData>;

export const emptyLocalData = (orgUuid: string): WebexLocalData => ({ version: 1, orgUuid, importJobs: [], audit: [], invitedAt: {} });

export interface LocalStoreOptions {
  dataDir: string;
  orgUuid: string;
  /** Set with STATE_STORE=blob: the data is one blob every instance shares. */
  blob?: BlobContainer;
  now: () => Date;
}

/**
 * Where the Webex backend keeps its own data: DATA_DIR/webex-<org uuid>.json
 * for one instance, or the blob webex/<org uuid>.json shared by every
 * instance. With a file, imports left running by a stopped process become
 * "interrupted" on open; on blob, other instances may be importing, so a
 * running import ends only when its lock expires (importLock.ts).
 */
export async function openLocalStore({ dataDir, orgUuid, blob, now }: LocalStoreOptions): Promise<WebexLocalStore> {
  const file = path.join(dataDir, `webex-${orgUuid}.json`);
  const store: WebexLocalStore = blob ? new BlobDocument(blob, `webex/${orgUuid}.json`) : new FileDocument(file, now);
  const where = blob ? `Blob webex/${orgUuid}.json of container ${blob.name}` : `Data file ${file}`;
  const { value } = await store.read();
  if (value !== undefined && (value?.version !== 1 || value.orgUuid !== orgUuid)) throw new Error(`${where} is not a Provisio webex file of org ${orgUuid}.`);
  if (blob) return store;
  const running = value?.importJobs.some((j) => j.status === 'running');
  if (!value || running || value.importLock) {
    await store.update((data = emptyLocalData(orgUuid), at) => {
      // One process owns a data file: a lock left in it is a stopped process's, live or not.
      delete data.importLock;
      return { value: endAbandonedImports(data, at), result: undefined };
    });
  }
  return store;
}
