import type { Locale } from '../config';
import type { RuleError } from '../domain/ruleError';
import { en, type Messages } from './en';
import { fr } from './fr';

export type { Messages };

const catalogues: Record<Locale, Messages> = { fr, en };

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

/** fr-* → French, any other tag → English, no tag → the configured default. */
export function localeOf(tag: string | undefined, fallback: Locale): Locale {
  if (!tag) return fallback;
  return tag.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function ruleMessage(m: Messages, error: RuleError): string {
  return m.errors[error.code](error.details);
}

/** A date and time as the person reads them: their time zone when the channel gives it (Teams does), else UTC. */
export function formatDateTime(locale: Locale, iso: string, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'medium' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: timeZone || 'UTC' }).format(new Date(iso)) + (timeZone ? '' : ' UTC');
  } catch {
    // An unknown time-zone name from the channel.
    return `${new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(iso))} UTC`;
  }
}
