import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { AuditEntry, ImportJob } from '../../domain/types';

/** What Webex does not hold for us: the audit, import jobs, and when we sent invitations. */
export interface WebexLocalData {
  version: 1;
  orgUuid: string;
  importJobs: ImportJob[];
  audit: AuditEntry[];
  /** personId → when an invitation went out through Provisio. */
  invitedAt: Record<string, string>;
}

/**
 * A small lowdb file per org under DATA_DIR (webex-<org uuid>.json), written
 * atomically (temp file + rename). Jobs left running by a stopped process
 * become "interrupted" on open, as in the embedded backend.
 */
export async function openLocalStore(dataDir: string, orgUuid: string, at: string): Promise<Low<WebexLocalData>> {
  await mkdir(dataDir, { recursive: true });
  const file = path.join(dataDir, `webex-${orgUuid}.json`);
  const adapter = new DataFile<WebexLocalData>(file, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) });
  let data: WebexLocalData | null;
  try {
    data = await adapter.read();
  } catch (error) {
    if (error instanceof SyntaxError) throw new Error(`Data file ${file} is not valid JSON (${error.message}); fix it or move it away.`);
    throw error;
  }
  if (data !== null && (data.version !== 1 || data.orgUuid !== orgUuid)) throw new Error(`Data file ${file} is not a Provisio webex file of org ${orgUuid}.`);
  const db = new Low<WebexLocalData>(adapter, data ?? { version: 1, orgUuid, importJobs: [], audit: [], invitedAt: {} });
  const running = db.data.importJobs.some((j) => j.status === 'running');
  db.data.importJobs = db.data.importJobs.map((j) => (j.status === 'running' ? { ...j, status: 'interrupted', endedAt: at } : j));
  if (!data || running) await db.write();
  return db;
}
