import type { Messages } from '../src/i18n';
import type { AuditChange } from '../src/domain/auditChanges';
import { adaptiveCard, heading, text, type AdaptiveCard, type CardElement } from './adaptive';
import { escapeMarkdown } from './markdown';

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
    const entry = { at: line.at, who: escapeMarkdown(line.who), action: m.audit.actions[line.action] ?? escapeMarkdown(line.action), target: escapeMarkdown(line.target) };
    body.push(text(m.audit.entry(entry), { weight: 'Bolder', spacing: 'Medium' }));
    for (const [field, before, after] of line.changes) {
      body.push(text(m.audit.change(escapeMarkdown(field), escapeMarkdown(before), escapeMarkdown(after)), { spacing: 'None', isSubtle: true }));
    }
  }
  body.push(text(m.audit.cliHint, { isSubtle: true, spacing: 'Large' }));
  return adaptiveCard(body);
}
