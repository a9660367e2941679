import { fold } from './users';

/**
 * What a person typed to name a licence or a location: its id, its name (case
 * and accents ignored), or, with `partial`, a part of exactly one name.
 */
export function findByName<T extends { id: string; name: string }>(items: readonly T[], typed: string, partial = false): T | undefined {
  const wanted = fold(typed);
  const exact = items.find((item) => item.id === typed || fold(item.name) === wanted);
  if (exact || !partial || !wanted) return exact;
  const matches = items.filter((item) => fold(item.name).includes(wanted));
  return matches.length === 1 ? matches[0] : undefined;
}
