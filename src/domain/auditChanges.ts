/** One field an audited write changed: its name, its value before and after (as text, '' when absent). */
export type AuditChange = [field: string, before: string, after: string];

/** The top-level fields whose value differs between `before` and `after` (ids and timestamps left out); `names` turns ids into names. */
export function auditChanges(before: unknown, after: unknown, names: ReadonlyMap<string, string> = new Map()): AuditChange[] {
  const text = (value: unknown): string => {
    if (value === undefined || value === null) return '';
    if (Array.isArray(value)) return value.map(text).join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    return names.get(String(value)) ?? String(value);
  };
  const b = (before && typeof before === 'object' && !Array.isArray(before) ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' && !Array.isArray(after) ? after : {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => f !== 'id' && !f.endsWith('At'));
  return fields.map((f): AuditChange => [f, text(b[f]), text(a[f])]).filter(([, x, y]) => x !== y);
}
