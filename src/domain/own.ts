/**
 * `table[key]` for a key that came from outside (typed text, a card's data):
 * only the table's own entries, never what every object inherits
 * ("__proto__", "constructor", "toString"...).
 */
export function own<T>(table: Readonly<Partial<Record<string, T>>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}
