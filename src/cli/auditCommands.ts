import type { Command } from 'commander';
import { readAuditLog } from '../services/auditLog';
import { print, UsageError, withServices } from './common';

function sinceOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new UsageError(`--since: "${value}" is not a date; give an ISO 8601 date such as 2026-11-21 or 2026-11-21T09:00:00Z.`);
  return new Date(time).toISOString();
}

export function registerAuditCommands(program: Command): void {
  program
    .command('audit')
    .description('every write to the directory (who, when, which flow, what changed), oldest first')
    .option('--since <date>', 'only the entries from this ISO 8601 date or instant on')
    .action((opts: { since?: string }, command: Command) => {
      const since = sinceOf(opts.since);
      return withServices(async ({ directory }) => {
        const records = await readAuditLog(directory, since);
        const entries = records.map(({ changes, ...entry }) => entry);
        print(command, entries, () =>
          records.map((e) => {
            const changes = e.changes.map(([field, before, after]) => `${field}: ${before || '—'} → ${after || '—'}`);
            return [`${e.at} ${e.actor.name} (${e.actor.id}) ${e.flow} ${e.action} ${e.target}`, ...changes].join('\n  ');
          }),
        );
      });
    });
}
