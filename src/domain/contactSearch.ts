import type { Contact } from './types';

export interface Page<T> {
  items: T[];
  /** Every match, over all pages. */
  total: number;
  /** 1-based, clamped to the pages there are. */
  page: number;
  pages: number;
}

const MIN_DIGITS = 3;
const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Lower case, no accents, single spaces: "Éloïse  MARTIN" → "eloise martin". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Contacts are stored frozen: their folded text can be kept as long as the object lives.
const searchText = new WeakMap<Contact, { words: string; digits: string[] }>();

function indexOf(contact: Contact): { words: string; digits: string[] } {
  let entry = searchText.get(contact);
  if (!entry) {
    const words = [contact.displayName, contact.firstName, contact.lastName, contact.companyName, contact.email, contact.sipUri];
    entry = {
      words: foldText(words.filter(Boolean).join(' ')),
      digits: contact.phoneNumbers.map((p) => p.value.replace(/\D/g, '')),
    };
    searchText.set(contact, entry);
  }
  return entry;
}

/**
 * Does the contact match the query? Every word of the query must appear in
 * its names, company, e-mail or SIP URI (any case, any accent); or, when the
 * query holds at least 3 digits, they must appear in one of its numbers
 * (so "06 12 34", "+33612" and "4021" all find +33 6 12 34 56 78 / 4021).
 */
export function matchesContact(contact: Contact, query: string): boolean {
  const folded = foldText(query);
  if (!folded) return false;
  const { words, digits } = indexOf(contact);
  if (folded.split(' ').every((word) => words.includes(word))) return true;
  const wanted = query.replace(/\D/g, '');
  if (wanted.length < MIN_DIGITS || /[a-z]/i.test(query.replace(/^\+/, ''))) return false;
  const national = wanted.replace(/^0/, '');
  return digits.some((d) => d.includes(wanted) || (national.length >= MIN_DIGITS && d.includes(national)));
}

/** The matching contacts, by display name, one page of `pageSize`. */
export function searchContacts(contacts: Iterable<Contact>, query: string, page = 1, pageSize = 10): Page<Contact> {
  const matches: Contact[] = [];
  for (const contact of contacts) if (matchesContact(contact, query)) matches.push(contact);
  matches.sort((a, b) => collator.compare(a.displayName, b.displayName));
  return pageOf(matches, page, pageSize);
}

export function pageOf<T>(items: T[], page: number, pageSize: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { items: items.slice((current - 1) * pageSize, current * pageSize), total: items.length, page: current, pages };
}
