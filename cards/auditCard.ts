import type { Messages } from '../src/i18n';
import type { AuditChange } from '../src/domain/auditChanges';
import { adaptiveCard, heading, text, type AdaptiveCard, type CardElement } from './adaptive';

export interface AuditLine {
  at: string;
  who: string;
  action: string;
  target: string;
  changes: AuditChange[];
}

/** The last writes, newest first, each with the fields it changed. */
export function auditCard(m: Messages, lines: AuditLine[], total: number): AdaptiveCard {
  const body: CardElement[] = [heading(total ? m.audit.title(lines.length, total) : m.audit.empty)];
  for (const line of lines) {
    body.push(text(m.audit.entry({ ...line, action: m.audit.actions[line.action] ?? line.action }), { weight: 'Bolder', spacing: 'Medium' }));
    for (const [field, before, after] of line.changes) body.push(text(m.audit.change(field, before, after), { spacing: 'None', isSubtle: true }));
  }
  body.push(text(m.audit.cliHint, { isSubtle: true, spacing: 'Large' }));
  return adaptiveCard(body);
}
