import type { Directory } from '../directory/directory';
import { auditChanges, type AuditChange } from '../domain/auditChanges';
import type { AuditEntry } from '../domain/types';

export interface AuditRecord extends AuditEntry {
  /** The fields the write changed, licence and location ids given by name. */
  changes: AuditChange[];
}

/** The audit log, oldest first (from `since` on), as the chat and the CLI show it. */
export async function readAuditLog(directory: Directory, since?: string): Promise<AuditRecord[]> {
  const [entries, licenses, locations] = await Promise.all([directory.listAudit(since), directory.listLicenses(), directory.listLocations()]);
  const names = new Map([...licenses, ...locations].map((item) => [item.id, item.name]));
  return entries.map((entry) => ({ ...entry, changes: auditChanges(entry.before, entry.after, names) }));
}
