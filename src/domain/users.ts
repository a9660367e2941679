import { z } from 'zod';
import type { License, User } from './types';

const emailSchema = z.email();

export function isValidEmail(email: string): boolean {
  return emailSchema.safeParse(email).success;
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export const EXTENSION_PATTERN = /^\d{2,10}$/;

export function isValidExtension(extension: string): boolean {
  return EXTENSION_PATTERN.test(extension);
}

/** The seed's recommendation: the last 4 digits of the user's direct number. */
export function suggestedExtension(e164: string): string {
  return e164.replace(/\D/g, '').slice(-4);
}

export function unitsLeft(license: License): number {
  return Math.max(0, license.totalUnits - license.consumedUnits);
}

export function needsCalling(licenseIds: readonly string[], licenses: readonly License[]): boolean {
  return licenses.some((l) => l.calling && licenseIds.includes(l.id));
}

export function displayNameOf(user: Pick<User, 'firstName' | 'lastName'> & { displayName?: string }): string {
  return user.displayName || `${user.firstName} ${user.lastName}`.trim();
}

/** Users whose name or e-mail contains every word of the query, case and accents ignored. */
export function matchUsers(users: readonly User[], query: string): User[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const exact = users.filter((u) => sameEmail(u.email, query));
  if (exact.length) return exact;
  return users.filter((u) => {
    const haystack = fold(`${u.firstName} ${u.lastName} ${u.displayName} ${u.email}`);
    return words.every((w) => haystack.includes(w));
  });
}

export function fold(value: string): string {
  return value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}
